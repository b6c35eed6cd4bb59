"""The brand is configuration: the demo brand's defaults, overridden by a JSON file named by
MEMBER_CLIENT_BRAND or found in the user's config folder; a bad file never starts a client
with half a legal display."""

from __future__ import annotations

import json
import logging

import pytest

from desktop_app.domain.brand import DEFAULT_BRAND, Brand, brand_from_mapping
from desktop_app.host import BRAND_FILE_NAME, BRAND_FILE_VARIABLE, load_brand
from desktop_app.paths import user_config_dir


def test_a_mapping_overrides_only_what_it_names():
    brand = brand_from_mapping(
        {"company_ja": "あおばクレジット株式会社", "support_closes": "20:00"}
    )
    assert brand.company("ja") == "あおばクレジット株式会社"
    assert brand.support_hours == "9:00～20:00"
    assert brand.registration("en") == DEFAULT_BRAND.registration_en


@pytest.mark.parametrize(
    ("values", "message"),
    [({"company": "x"}, "unknown brand settings: company"), ({"logo": 3}, "not text: logo")],
)
def test_a_mapping_with_unknown_keys_or_other_values_than_text_is_refused(values, message):
    with pytest.raises(ValueError, match=message):
        brand_from_mapping(values)


def test_the_file_named_by_the_variable_wins(tmp_path):
    path = tmp_path / "brand.json"
    path.write_text(json.dumps({"support_phone": "0120-111-222"}), encoding="utf-8")
    (user_config_dir() / BRAND_FILE_NAME).write_text('{"support_phone": "0570-0"}', "utf-8")
    assert load_brand({BRAND_FILE_VARIABLE: str(path)}).support_phone == "0120-111-222"
    assert load_brand({}).support_phone == "0570-0"


def test_without_a_file_the_demo_brand_is_shown():
    assert load_brand({}) == DEFAULT_BRAND == Brand()


@pytest.mark.parametrize("text", ['{"company_ja": 1}', "[1, 2]", "{not json", '{"x": "y"}'])
def test_a_bad_file_is_reported_and_the_defaults_are_used(tmp_path, caplog, text):
    path = tmp_path / "brand.json"
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert load_brand({BRAND_FILE_VARIABLE: str(path)}) == DEFAULT_BRAND
    assert f"brand file {path} not used" in caplog.text
