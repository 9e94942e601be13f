"""UPN, NHS number and postcode checks with known good and bad examples."""

import pytest
from django.core.exceptions import ValidationError

from portal_pages.children import validators

# B801200005001 is the example in the DfE's UPN guidance; the others were issued with the
# published check letter algorithm for real local authority numbers.
VALID_UPNS = ["B801200005001", "L935201312345", "b8012 0000 5001"]
INVALID_UPNS = [
    "A801200005001",  # wrong check letter
    "I801200005001",  # I is never a check letter
    "B80120000500",  # 12 characters
    "X80120000A001",  # letters in the middle
    "E000200005001",  # 000 is no local authority
]
VALID_NHS = ["9434765919", "943 476 5919", "943-476-5870", "4857773457"]
INVALID_NHS = ["9434765918", "4857773456", "94347659", "943476591A", "0000000000x"]
VALID_POSTCODES = ["SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"]
INVALID_POSTCODES = ["12345", "SW1A 1A", "QW1 1AA", "M1 1CE", "SW1A", "E1 1AAA"]


@pytest.mark.parametrize("value", VALID_UPNS)
def test_valid_upns(value):
    validators.validate_upn(validators.normalise_upn(value))


@pytest.mark.parametrize("value", INVALID_UPNS)
def test_invalid_upns(value):
    with pytest.raises(ValidationError):
        validators.validate_upn(validators.normalise_upn(value))


def test_upn_is_stored_upper_case_without_spaces():
    assert validators.normalise_upn(" b8012 0000 5001 ") == "B801200005001"


@pytest.mark.parametrize("value", VALID_NHS)
def test_valid_nhs_numbers(value):
    validators.validate_nhs_number(validators.normalise_nhs_number(value))


@pytest.mark.parametrize("value", INVALID_NHS)
def test_invalid_nhs_numbers(value):
    with pytest.raises(ValidationError):
        validators.validate_nhs_number(validators.normalise_nhs_number(value))


def test_nhs_number_check_digit_of_ten_is_never_valid():
    # Weights 10 down to 2: 1 x 10 + 1 x 2 = 12, and 11 - (12 mod 11) = 10, which no single
    # digit can be, so the NHS never issues these numbers.
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validators.validate_nhs_number("100000001" + last)


@pytest.mark.parametrize("value", VALID_POSTCODES)
def test_valid_postcodes(value):
    validators.validate_postcode(value)


@pytest.mark.parametrize("value", INVALID_POSTCODES)
def test_invalid_postcodes(value):
    with pytest.raises(ValidationError):
        validators.validate_postcode(value)


def test_postcode_is_stored_upper_case_with_one_space():
    assert validators.normalise_postcode(" sw1a   1aa") == "SW1A 1AA"
