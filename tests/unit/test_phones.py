"""Phone numbers: normalising, masking, time zones, country and emergency number."""

from zoneinfo import ZoneInfo

import pytest

from knowledge.phones import (
    DEFAULT_EMERGENCY,
    country_of,
    emergency_number,
    guess_time_zones,
    mask,
    normalize,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("whatsapp:+15551234567", "+15551234567"),
        ("WhatsApp:+15551234567", "+15551234567"),
        ("sms:+15551234567", "+15551234567"),
        ("+1 (555) 123-4567", "+15551234567"),
        ("555-123-4567", "+15551234567"),
        ("(555) 123 4567", "+15551234567"),
        ("555.123.4567", "+15551234567"),
        ("+15551230001", "+15551230001"),  # fictional 555 numbers are what tests and demos use
        ("+14155550134", "+14155550134"),
        (" +1 415 555 0134 ", "+14155550134"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+61 412 345 678", "+61412345678"),
        ("+91 98765 43210", "+919876543210"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_uses_the_default_region() -> None:
    assert normalize("07911 123456", default_region="GB") == "+447911123456"
    assert normalize("07911 123456") is None


@pytest.mark.parametrize(
    "raw",
    [
        "", "   ", "hello", "whatsapp:", "12", "+1555", "555-1234", "+1 555 123 45678 9",
        "+10551234567", "+11551234567",  # North American area codes never start with 0 or 1
        "1-800-FLOWERS", "+1 415 555 0134 ext 5", "++15551234567", "+999 123 456 789",
    ],
)
def test_normalize_refuses_garbage(raw: str) -> None:
    assert normalize(raw) is None


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("+14155550134", "+1415***0134"),
        ("whatsapp:+14155550134", "whatsapp:+1415***0134"),
        ("+1 (415) 555-0134", "+1415***0134"),
        ("+447911123456", "+44791***3456"),
        ("+919876543210", "+91987***3210"),
        ("4155550134", "415***0134"),
        ("+1555", "***"),
        ("12345", "***"),
        ("garbage", "***"),
        ("", "***"),
        ("whatsapp:", "whatsapp:***"),
    ],
)
def test_mask(raw: str, masked: str) -> None:
    assert mask(raw) == masked


@pytest.mark.parametrize("raw", ["+14155550134", "whatsapp:+15551230001", "+447911123456"])
def test_mask_hides_the_middle(raw: str) -> None:
    digits = raw.split("+")[1]
    assert digits[4:-4] not in mask(raw)


@pytest.mark.parametrize(
    ("e164", "zones"),
    [
        ("+14155550134", ["America/Los_Angeles"]),
        ("+12125550134", ["America/New_York"]),
        ("whatsapp:+13125550134", ["America/Chicago"]),
        ("+442079460958", ["Europe/London"]),
        ("+33612345678", ["Europe/Paris"]),
    ],
)
def test_guess_time_zones_for_a_known_area(e164: str, zones: list[str]) -> None:
    assert guess_time_zones(e164) == zones


@pytest.mark.parametrize("e164", ["+15551230001", "+15551234567", "+61412345678"])
def test_guess_time_zones_ambiguous(e164: str) -> None:
    zones = guess_time_zones(e164)
    assert len(zones) > 1
    assert "Etc/Unknown" not in zones
    for zone in zones:
        ZoneInfo(zone)  # every guess is a zone we can use


def test_fictional_555_numbers_include_the_main_us_zones() -> None:
    zones = guess_time_zones("+15551230001")
    assert {"America/New_York", "America/Chicago", "America/Los_Angeles"} <= set(zones)


@pytest.mark.parametrize("raw", ["", "junk", "+1555"])
def test_guess_time_zones_for_garbage(raw: str) -> None:
    assert guess_time_zones(raw) == []


@pytest.mark.parametrize(
    ("e164", "country"),
    [
        ("+14155550134", "US"),
        ("+15551230001", "US"),  # fictional: the main country of +1
        ("whatsapp:+442079460958", "GB"),
        ("+61412345678", "AU"),
        ("+64211234567", "NZ"),
        ("+919876543210", "IN"),
        ("+33612345678", "FR"),
        ("+4915112345678", "DE"),
        ("+525512345678", "MX"),
        ("junk", None),
    ],
)
def test_country_of(e164: str, country: str | None) -> None:
    assert country_of(e164) == country


@pytest.mark.parametrize(
    ("e164", "number"),
    [
        ("+14155550134", "911"),
        ("+15551230001", "911"),
        ("+16135550134", "911"),  # Canada
        ("+525512345678", "911"),  # Mexico
        ("+442079460958", "999"),
        ("+33612345678", "112"),
        ("+4915112345678", "112"),
        ("+61412345678", "000"),
        ("+64211234567", "111"),
        ("+919876543210", "112"),
        ("+81312345678", DEFAULT_EMERGENCY),  # Japan: not in the table
        ("junk", DEFAULT_EMERGENCY),
    ],
)
def test_emergency_number(e164: str, number: str) -> None:
    assert emergency_number(e164) == number
