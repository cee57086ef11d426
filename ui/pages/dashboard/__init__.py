"""统计概览: the page (page.py), its tiles (tiles.py) and its charts (chart_grid.py)."""
