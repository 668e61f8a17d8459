from reviewer_app.core.privacy import mask_national_id


def test_national_id_is_masked_for_screens() -> None:
    assert mask_national_id("A123456789") == "A12****789"
    assert mask_national_id("abc") == "***"
