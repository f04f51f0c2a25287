"""Signals other cross-site apps hook into, so onboarding stays one function without knowing them."""

from django.dispatch import Signal

# Sent inside onboarding's transaction after a tenant's site, columns and groups exist (also when a
# re-run completes an existing tenant). Arguments: department, created (bool), steps (list to append to).
tenant_onboarded = Signal()
