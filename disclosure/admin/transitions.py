"""The confirmation form behind every workflow button in the admin."""

from django import forms


class TransitionForm(forms.Form):
    """Asks for the reason or note a step needs, or only for confirmation."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, data=None, *, label: str | None):
        super().__init__(data)
        if label:
            self.fields["text"].label = label
        else:
            self.fields["text"].required = False
            self.fields["text"].widget = forms.HiddenInput()
