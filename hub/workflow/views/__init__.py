"""Admin screens of the review chain."""
