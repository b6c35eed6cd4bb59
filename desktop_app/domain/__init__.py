"""Pure rules of the card loan: money, interest, repayment, input policies, typed errors.

Nothing here imports Qt, SQL or performs I/O; import-linter holds that.
"""
