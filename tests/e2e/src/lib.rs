//! End-to-end tests of RoPA Desk live in `tests/`; this library is empty on purpose.
