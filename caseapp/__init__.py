"""CaseDesk core: petitions (信访件) and disputes (矛盾纠纷), their storage and figures.

This package never imports Qt; the GUI lives in ``ui/``.
"""

__version__ = "0.1.0"
