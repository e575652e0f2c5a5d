/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Trust decisions shared by credential and revocation-list verification. */

#pragma once

#include <gnutls/x509.h>

#include "acr-identity-store.h"

G_BEGIN_DECLS

/* Checks whether @chain (the certificates of a verified signature, signer first) leads to a
 * certificate trusted in @store: one of them is trusted, or the last is issued by a trusted
 * one, each certificate signed by the next (validity periods are not checked here). Sets
 * *@trusted, *@anchor_fingerprint (the trusted certificate reached, or NULL; free with
 * g_free()) and *@reason (a translated sentence; free with g_free()). FALSE only when the
 * store cannot be read. */
gboolean   _acr_trust_check_chain     (AcrStore            *store,
                                       gnutls_x509_crt_t   *chain,
                                       guint                n_chain,
                                       gboolean            *trusted,
                                       char               **anchor_fingerprint,
                                       char               **reason,
                                       GError             **error);

/* "2026-11-25T10:00:00Z" for @time (a Unix time in UTC). Free with g_free(). */
char      *_acr_format_unix_time      (gint64               time);

/* The subject's common name of @crt, else its whole DN; for messages. Free with g_free(). */
char      *_acr_certificate_name      (gnutls_x509_crt_t    crt);

G_END_DECLS
