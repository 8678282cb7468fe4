"""Every error a user can cause, each formatting its own one-line message.

The core raises these; the CLI prints `str(err)` on stderr and exits non-zero. The messages
written here go through the CLI's catalogs (dondoc.i18n), in the language of DONDOC_LANG.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from dondoc.i18n import _
from dondoc.reading_notes import say  # the reader gives its reasons in English (msgids)


class DondocError(Exception):
    """Base of every user-facing error: its str() is the one line a person reads."""

    exit_code = 1


class InputFileError(DondocError):
    """A file that cannot be read, is empty, too large or of an unsupported kind."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NothingToTrackError(DondocError):
    """A readable text that holds no instruction to track (a news article, say)."""

    def __init__(self, path: object, reason: str = "no numbered instruction to track was found") -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {say(reason)}")


class TaskSetError(DondocError):
    """A task-set file that fails validation; names the file and the field."""

    def __init__(self, path: object, where: str, reason: str) -> None:
        self.path = str(path)
        self.where = where
        self.reason = reason
        super().__init__(f"{self.path}: {where}: {reason}")


class DirectoryError(DondocError):
    """An organisation directory or observance file with a bad entry."""

    def __init__(self, path: object, where: str, reason: str) -> None:
        self.path = str(path)
        self.where = where
        super().__init__(f"{self.path}: {where}: {reason}")


class ConfigError(DondocError):
    """A setting or configuration file that makes no sense."""


class NotFoundError(DondocError):
    """A task, dispatch, organisation or occurrence named on the command line that does not exist."""


class MailServerError(DondocError):
    """The mail server takes nothing now (down, refusing the login, or unsafe for it); everything stays queued."""

    exit_code = 3

    def __init__(self, host: str, port: int, message: str) -> None:
        self.host = host
        self.port = port
        super().__init__(message)


class SmtpUnavailableError(MailServerError):
    """The mail server cannot be reached; everything stays queued."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(host, port, _("mail server {host}:{port} unreachable ({reason}); all messages stay queued")
                         .format(host=host, port=port, reason=reason))


class SmtpAuthError(MailServerError):
    """The mail server refused dondoc's login (a wrong user name or password)."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(host, port, _("mail server {host}:{port} refused the login ({reason}); check "
                                       "DONDOC_SMTP_USERNAME and DONDOC_SMTP_PASSWORD; all messages stay queued")
                         .format(host=host, port=port, reason=reason))


class SmtpPlaintextAuthError(MailServerError):
    """Credentials are set but the connection is not encrypted: the password is not sent in clear."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port, _("mail server {host}:{port} does not encrypt the connection (no TLS or "
                                       "STARTTLS): dondoc sends no password over an unencrypted connection; turn "
                                       "STARTTLS on at the server or use a TLS port (DONDOC_SMTP_IMPLICIT_TLS=true); "
                                       "all messages stay queued").format(host=host, port=port))


class AnswerRefused(DondocError):
    """An office's answer (receipt, done, extension request) that cannot be recorded; `code` says why.

    Codes: wrong_org, cancelled, already_done, bad_input, pending_extension, not_open.
    """

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


class LinkUsedError(DondocError):
    """A signed link that has already been used; `used_at` (UTC) says when."""

    def __init__(self, used_at: datetime, tz: tzinfo | None = None) -> None:
        self.used_at = used_at
        local = used_at.astimezone(tz or timezone(timedelta(hours=7)))
        super().__init__(f"Liên kết này đã được dùng lúc {local:%H:%M} ngày {local:%d/%m/%Y}; "
                         "mỗi liên kết chỉ dùng được một lần.")


class UnassignedOwnerError(DondocError):
    """A task set whose lead owner resolves to no organisation, or that names a code the directory lacks.

    The message is built by dondoc.intake (it names the file, the task, the name as written and the
    closest codes in the directory); nothing is stored.
    """

    def __init__(self, path: object, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")


class UserError(DondocError):
    """A user account that cannot be created or changed as asked (taken address, weak password, …)."""


class LoginRefused(DondocError):
    """A login that did not succeed; `wait` is set when logins are throttled for a while."""

    def __init__(self, message: str, *, wait: timedelta | None = None) -> None:
        self.wait = wait
        super().__init__(message)


class ReviewError(DondocError):
    """A reviewed reading that cannot be stored as it stands; `fields` maps each field to its reason."""

    def __init__(self, message: str, *, fields: dict[str, str] | None = None) -> None:
        self.fields = fields or {}
        super().__init__(message)
