"""Database routing: anonymous public reads on a streaming replica, everything else on the primary."""
