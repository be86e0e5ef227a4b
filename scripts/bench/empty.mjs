// Intentionally empty: the baseline of the CLI cold-start benchmark (a runtime starting and exiting).
