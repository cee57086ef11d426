"""The 信访件 and 矛盾纠纷 lists: the page (page.py), its filter bar and its bulk acts."""
