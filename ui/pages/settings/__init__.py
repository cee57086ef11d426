"""The 设置 page (page.py) and its tabs: office, numbers, limits, lists, lookups, accounts."""
