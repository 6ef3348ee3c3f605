"""Calendar invitations: iTIP requests, updates and cancellations e-mailed when meetings change."""
