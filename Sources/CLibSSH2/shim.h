#ifndef PGPAIR_CLIBSSH2_SHIM_H
#define PGPAIR_CLIBSSH2_SHIM_H
#include <libssh2.h>

/* libssh2 defines several entry points as function-like macros, which Swift
   cannot import. These static inline shims give Swift a real function to call. */

static inline LIBSSH2_SESSION *pgpair_libssh2_session_init(void) {
    return libssh2_session_init();
}

static inline int pgpair_libssh2_session_disconnect(LIBSSH2_SESSION *session, const char *description) {
    return libssh2_session_disconnect(session, description);
}

static inline int pgpair_libssh2_userauth_publickey_fromfile(LIBSSH2_SESSION *session, const char *username,
                                                             const char *publickey, const char *privatekey,
                                                             const char *passphrase) {
    return libssh2_userauth_publickey_fromfile(session, username, publickey, privatekey, passphrase);
}

static inline LIBSSH2_CHANNEL *pgpair_libssh2_channel_open_session(LIBSSH2_SESSION *session) {
    return libssh2_channel_open_session(session);
}

static inline int pgpair_libssh2_channel_exec(LIBSSH2_CHANNEL *channel, const char *command) {
    return libssh2_channel_exec(channel, command);
}

static inline ssize_t pgpair_libssh2_channel_read(LIBSSH2_CHANNEL *channel, char *buf, size_t buflen) {
    return libssh2_channel_read(channel, buf, buflen);
}

static inline ssize_t pgpair_libssh2_channel_read_stderr(LIBSSH2_CHANNEL *channel, char *buf, size_t buflen) {
    return libssh2_channel_read_stderr(channel, buf, buflen);
}

#endif
