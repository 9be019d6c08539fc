"""How people are named to people: in Chinese order."""


def person_name(user) -> str:
    """A member of staff by name, family name first (王芳), or else by user name."""
    if user is None:
        return ""
    name = f"{user.last_name}{user.first_name}".strip()
    return name or user.get_username()
