"""The professional's portal: one Django app per area (accounts, pages, children, inbox)."""
