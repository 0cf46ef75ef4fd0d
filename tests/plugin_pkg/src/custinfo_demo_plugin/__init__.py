"""A tiny custinfo plugin: a WeChat ID validator and a visit form."""
