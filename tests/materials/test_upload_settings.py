"""The upload settings a server checks before it starts."""

from __future__ import annotations

import pytest

from socialaid.config import ConfigurationError
from socialaid.materials.scanning import NoScanner, load_scanner
from tests.conftest import test_settings
from tests.materials.eicar_scanner import EicarScanner


def test_an_s3_store_without_a_bucket_stops_the_start_naming_the_setting() -> None:
    with pytest.raises(ConfigurationError, match="SOCIALAID_UPLOAD_S3_BUCKET"):
        test_settings(upload_store="s3").check_for_serving()
    test_settings(upload_store="s3", upload_s3_bucket="materials").check_for_serving()


def test_the_scanner_setting_names_a_class_or_an_object_and_nothing_means_none() -> None:
    assert isinstance(load_scanner(None), NoScanner)
    assert isinstance(load_scanner("tests.materials.eicar_scanner:EicarScanner"), EicarScanner)
    with pytest.raises(ValueError, match="module:attribute"):
        load_scanner("tests.materials.eicar_scanner")
    with pytest.raises(ValueError, match="scan"):
        load_scanner("tests.materials.eicar_scanner:EICAR")
