"""Datelines in the styles wire services write them: the place is where the report was filed, the
bracket the outlet."""

import pytest

from tacitus.nlp.dateline import dateline


@pytest.mark.parametrize("text,place,region,outlet", [
    ("MAIDUGURI, Nigeria (AFP) - Suspected bombers struck a wedding.", "MAIDUGURI", "Nigeria", "AFP"),
    ("BANGKOK (AP) — The election commission said on Monday.", "BANGKOK", None, "AP"),
    ("NAIROBI, Kenya (Reuters) -- Police fired tear gas.", "NAIROBI", "Kenya", "Reuters"),
    ("GOMA, Congo: Shells fell on the camp.", "GOMA", "Congo", None),
])
def test_dateline_styles(pipe, text, place, region, outlet):
    parts = dateline(pipe.nlp.make_doc(text))
    assert parts["place"].text == place
    assert (parts["region"].text if "region" in parts else None) == region
    assert (parts["outlet"].text if "outlet" in parts else None) == outlet


def test_no_dateline_in_plain_prose(pipe):
    assert dateline(pipe.nlp.make_doc("Suspected bombers struck a wedding in Gwoza on Saturday - officials said.")) is None
