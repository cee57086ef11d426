"""The 设置 page and its tabs (office, lists, limits, accounts)."""
