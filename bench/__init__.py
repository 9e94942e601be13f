"""Performance benches: the runner, the reference pages it measures the portal against, and
the scale data. Installed only by the bench settings (`portal_site.settings.bench`), so
no production process has these page types, views or commands."""
