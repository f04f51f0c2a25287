"""Automatic content checks run before the human review steps (机器检查)."""
