"""Session pages. Each view: access check, form, one service call, redirect or render."""
