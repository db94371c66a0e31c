"""The base class of class entrypoints, shaped like the SDK's `BaseAction` (`Cls(params, ctx).execute()`)."""


class BaseAction:
    def __init__(self, params, ctx):
        self.params = params
        self.ctx = ctx

    def execute(self):
        raise NotImplementedError(f"{type(self).__name__} must define execute()")
