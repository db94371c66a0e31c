"""Action params: a dict that also answers attribute access, nested dicts included (the SDK's feel)."""


class Params(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, value in self.items():
            super().__setitem__(key, _wrap(value))

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"params has no {name!r}") from None

    def __setattr__(self, name, value):
        self[name] = value

    def __delattr__(self, name):
        try:
            del self[name]
        except KeyError:
            raise AttributeError(f"params has no {name!r}") from None

    def __setitem__(self, key, value):
        super().__setitem__(key, _wrap(value))


def _wrap(value):
    if isinstance(value, dict) and not isinstance(value, Params):
        return Params(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value
