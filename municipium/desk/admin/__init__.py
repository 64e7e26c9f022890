"""The staff's side of the requests desk in Wagtail's admin: the case lists and exports, a
case's page with its actions, the operator's and the press office's intake forms, and the
categories and response templates of a municipality."""
