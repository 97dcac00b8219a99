"""Agreement measures, worked by hand."""

import pytest

from analysis.evaluation.metrics import krippendorff_alpha_nominal, prf


@pytest.mark.parametrize("units, alpha", [
    ([(1, 1), (0, 0), (1, 1), (0, 0)], 1.0),               # perfect agreement
    ([(1, 0), (0, 1), (1, 0), (0, 1)], -0.75),             # systematic disagreement
    ([(1, 1), (0, 0), (1, 0), (0, 0)], 0.5333),            # worked by hand from the definition
])
def test_krippendorff_alpha(units, alpha):
    assert krippendorff_alpha_nominal(units) == pytest.approx(alpha, abs=1e-3)


@pytest.mark.parametrize("tp, fp, fn, expected", [
    (8, 2, 2, (0.8, 0.8, 0.8)), (0, 0, 0, (0.0, 0.0, 0.0)), (3, 0, 1, (1.0, 0.75, 0.8571)),
])
def test_precision_recall_f1(tp, fp, fn, expected):
    assert prf(tp, fp, fn) == expected
