"""Phone numbers: tidy them to E.164, mask them for logs, and guess where their owner lives.

Twilio gives "whatsapp:+15551234567" or "+15551234567"; parents type "(555) 123-4567". We keep
numbers that are *possible* (right length for the country), not only those phonenumbers calls
*valid*: tests and demos use fictional +1 555 numbers, and new number ranges reach real phones
before the metadata knows them. Clearly wrong ones (letters, bad lengths, a North American
area code starting 0 or 1) are refused.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import timezone as phone_timezone

_PREFIXES = ("whatsapp:", "sms:", "tel:")
_UNKNOWN_ZONE = "Etc/Unknown"
_NANP = 1  # the North American Numbering Plan's country code

EMERGENCY_NUMBERS: dict[str, str] = {
    # North America (NANP members elsewhere in the Caribbean differ, e.g. Jamaica 119).
    **dict.fromkeys(("US", "CA", "PR", "VI", "GU", "AS", "MP", "MX"), "911"),
    # United Kingdom and Crown dependencies (112 also works).
    **dict.fromkeys(("GB", "GG", "JE", "IM"), "999"),
    # The EU single emergency number, and European neighbours that use it.
    **dict.fromkeys(
        (
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "CH", "NO", "IS", "LI",
        ),
        "112",
    ),
    "AU": "000",
    "NZ": "111",
    "IN": "112",
}
DEFAULT_EMERGENCY = "your local emergency number"


def normalize(raw: str, default_region: str = "US") -> str | None:
    """Return the number in E.164 ('+15551234567'), or None if it is not a phone number."""
    number = _parse(raw, default_region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask(e164_or_address: str) -> str:
    """Hide the middle of a number for logs: '+14155550134' -> '+1415***0134'."""
    text = (e164_or_address or "").strip()
    prefix = next((p for p in _PREFIXES if text.lower().startswith(p)), "")
    text = text[len(prefix):]
    digits = re.sub(r"[\s().-]", "", text)
    international, digits = digits.startswith("+"), digits.removeprefix("+")
    if not digits.isdigit() or len(digits) < 8:
        return prefix + "***"
    if not international:
        return f"{prefix}{digits[:3]}***{digits[-4:]}"
    country = _country_code_of(digits)
    national = digits[len(country):]
    if len(national) < 8:
        return prefix + "***"
    return f"{prefix}+{country}{national[:3]}***{national[-4:]}"


def guess_time_zones(e164: str) -> list[str]:
    """List the IANA time zones a number may be in; several means ask the parent."""
    number = _parse(e164, "US")
    if number is None:
        return []
    zones = phone_timezone.time_zones_for_number(number)
    if _UNKNOWN_ZONE in zones:
        zones = phone_timezone.time_zones_for_geographical_number(number)
    if _UNKNOWN_ZONE in zones:
        zones = phone_timezone.TIMEZONE_DATA.get(str(number.country_code), ())
    return [zone for zone in zones if zone != _UNKNOWN_ZONE]


def country_of(e164: str) -> str | None:
    """Return the ISO region code of a number ('US', 'GB'), or None if it is not a number."""
    number = _parse(e164, "US")
    if number is None:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region or phonenumbers.region_code_for_country_code(number.country_code)


def emergency_number(e164: str) -> str:
    """Return the emergency number to tell a parent, from their phone number's country."""
    return EMERGENCY_NUMBERS.get(country_of(e164) or "", DEFAULT_EMERGENCY)


def _parse(raw: str, default_region: str) -> phonenumbers.PhoneNumber | None:
    """Parse a typed or Twilio-given number, refusing anything that cannot be a phone number."""
    text = (raw or "").strip()
    for prefix in _PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    if not text or re.search(r"[^\d\s()+.\-]", text) or text.count("+") > 1:
        return None
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    if number.country_code == _NANP and phonenumbers.national_significant_number(number)[0] in "01":
        return None
    return number


def _country_code_of(digits: str) -> str:
    """Find the 1-3 digit country calling code at the start of an international number."""
    for length in (1, 2, 3):
        if int(digits[:length] or 0) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return digits[:length]
    return digits[:1]


MMS_REGIONS = frozenset({"US", "CA"})  # where Twilio sends MMS; elsewhere a file goes as a link


def mms_reaches(e164: str) -> bool:
    """Whether Twilio can send MMS to this number: US and Canadian numbers only."""
    number = _parse(e164, "US")
    if number is None or number.country_code != _NANP:
        return False
    region = phonenumbers.region_code_for_number(number)
    # Fictional 555 numbers (tests, demos) have no region: +1 with no other NANP country is US/Canada.
    return region in MMS_REGIONS or region is None
