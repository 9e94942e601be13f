"""Checks on the identifiers professionals type in: the Unique Pupil Number (DfE check letter),
the NHS number (modulus 11) and a UK postcode. Each `normalise_*` returns the form the
identifier is stored in; each `validate_*` is a Django validator raising ValidationError."""

import re

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.gb import nhs, upn

# The formats Royal Mail issues, plus GIR 0AA; letters that never appear in a position
# (for example Q, V and X as the first letter) make the pattern stricter than "letters and
# digits", which catches most typing slips without a lookup.
POSTCODE = re.compile(
    r"^(GIR 0AA|"
    r"[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" [0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_upn(value):
    """Upper case, no spaces: how a UPN is printed on school records."""
    return upn.compact(value or "")


def validate_upn(value):
    """A UPN is 13 characters: a check letter, the local authority and school numbers, the
    year and a serial number. The check letter is the DfE's modulus 23 over the other 12
    characters (python-stdnum implements the published algorithm)."""
    try:
        upn.validate(value)
    except StdnumError as error:
        raise ValidationError(
            "Enter a UPN in the correct format, like A123456789012, with the right check letter",
            code="invalid_upn",
        ) from error


def normalise_nhs_number(value):
    """Ten digits, without the spaces or dashes people type between the groups."""
    return nhs.compact(value or "")


def validate_nhs_number(value):
    """An NHS number is 10 digits; the last is a modulus 11 check digit on the first 9."""
    try:
        nhs.validate(value)
    except StdnumError as error:
        raise ValidationError(
            "Enter a valid NHS number, like 943 476 5919", code="invalid_nhs_number"
        ) from error


def normalise_postcode(value):
    """Upper case with one space before the last three characters, whatever was typed."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def validate_postcode(value):
    if not POSTCODE.match(normalise_postcode(value)):
        raise ValidationError("Enter a real postcode, like SW1A 1AA", code="invalid_postcode")
