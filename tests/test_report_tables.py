"""The printouts' tables (caseapp/reports/base.table): a long list of one-line rows is given
its row heights instead of having ReportLab measure them at every page break; the heights
are the very ones ReportLab measures, so the pages come out the same."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table

from caseapp.reports.base import compact, make_styles, table

ROWS = [["编号", "类型", "当事人", "类别"],
        ["（2026）调字第0001号", "纠纷", "张*", "邻里纠纷"],
        ["（2026）调字第0002号", "纠纷", "欧阳**", "婚姻家庭纠纷"],
        ["（2026）调字第0003号", "纠纷", "李*", "一段很长很长的类别文字，放不进一行，只好折行显示出来"],
        ["（2026）调字第0004号", "纠纷", "", ""]]
WIDTHS = [120, 40, 50, 70]


def measured(t: Table) -> list[float]:
    t.wrap(500, 10_000)
    return list(t._rowHeights)


@pytest.mark.parametrize("styles", [make_styles(), compact(make_styles())])
def test_given_heights_are_the_measured_ones(styles):
    given = table(ROWS, WIDTHS, styles, plain=True)
    assert given._argH[0] is not None and given._argH[1] is not None  # header, plain row
    assert given._argH[3] is None  # the wrapping row is measured
    reference = table(ROWS, WIDTHS, styles, plain=True)
    reference._argH = [None] * len(ROWS)  # what ReportLab measures of every row
    assert measured(given) == pytest.approx(measured(reference))


def test_reportlab_draws_with_its_c_accelerator():
    """rl_accel (setup.cfg) is what ReportLab uses: it formats every number and measures every
    string of a printout, a fifth of a 140-page overdue list's time in pure Python."""
    import _rl_accel
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str is _rl_accel.fp_str
    assert rl_accel.instanceStringWidthTTF is _rl_accel.instanceStringWidthTTF
