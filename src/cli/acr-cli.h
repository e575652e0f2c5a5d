/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli: the command line's context, its command table and its exit statuses. */

#pragma once

#include "acr-core.h"

G_BEGIN_DECLS

/* Exit statuses (DESIGN.md, "Interfaces"). */
typedef enum
{
  ACR_CLI_EXIT_OK      = 0,  /* success */
  ACR_CLI_EXIT_INVALID = 1,  /* a verdict of "invalid", e.g. an incomplete module */
  ACR_CLI_EXIT_ERROR   = 2,  /* usage or input errors, and every GError */
} AcrCliExit;

/* What every command sees: the global options and the store, opened on first use. */
typedef struct
{
  char      *db_path;   /* --db, else $ACCREDIT_DB, else the default path */
  char      *actor;     /* --actor, NULL for the store's default */
  gboolean   json;      /* --json */
  AcrStore  *store;
} AcrCliContext;

/* Runs one verb. @argv[0] is the verb; the rest are its arguments and options. Returns an
 * AcrCliExit; on ACR_CLI_EXIT_ERROR @error is set (or a usage message was printed). */
typedef int (*AcrCliVerbFunc) (AcrCliContext  *ctx,
                               int             argc,
                               char          **argv,
                               GError        **error);

typedef struct
{
  const char     *name;
  const char     *summary;   /* N_() */
  AcrCliVerbFunc  func;
} AcrCliVerb;

typedef struct
{
  const char       *name;
  const char       *alias;    /* another name, or NULL */
  const char       *summary;  /* N_() */
  const AcrCliVerb *verbs;    /* terminated by a NULL name; NULL for a group that is a verb */
  AcrCliVerbFunc    func;     /* for a group without verbs ("init") */
} AcrCliGroup;

extern const AcrCliGroup acr_cli_group_init;
extern const AcrCliGroup acr_cli_group_organisation;
extern const AcrCliGroup acr_cli_group_framework;
extern const AcrCliGroup acr_cli_group_curriculum;
extern const AcrCliGroup acr_cli_group_module;
extern const AcrCliGroup acr_cli_group_outcome;
extern const AcrCliGroup acr_cli_group_rubric;
extern const AcrCliGroup acr_cli_group_learner;
extern const AcrCliGroup acr_cli_group_assessment;
extern const AcrCliGroup acr_cli_group_issue;
extern const AcrCliGroup acr_cli_group_credential;
extern const AcrCliGroup acr_cli_group_key;
extern const AcrCliGroup acr_cli_group_verify;
extern const AcrCliGroup acr_cli_group_revoke;
extern const AcrCliGroup acr_cli_group_revocation_list;
extern const AcrCliGroup acr_cli_group_audit;

/* The whole program: parses the global options, dispatches to GROUP VERB and prints any
 * error as "accredit-cli: <message>" on stderr. Returns the exit status. */
int        acr_cli_run                 (int             argc,
                                        char          **argv);

/* The store of @ctx, opened (and created) at ctx->db_path on first call. Not a new reference. */
AcrStore  *acr_cli_context_get_store   (AcrCliContext  *ctx,
                                        GError        **error);

/* Prints "accredit-cli: @message" on stderr. */
void       acr_cli_print_error         (const char     *message);

/* Sets @error to a usage error (ACR_CLI_EXIT_ERROR), e.g. a missing argument. */
void       acr_cli_set_usage_error     (GError        **error,
                                        const char     *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* Parses @text as an id: a positive whole number. */
gboolean   acr_cli_parse_id            (const char     *text,
                                        gint64         *id,
                                        GError        **error);

/* A passphrase or PIN: the first line of @file if not NULL, else asked on the terminal
 * (/dev/tty) as @prompt with echo off, twice when @confirm. Without file and terminal, a
 * usage error naming "--@option FILE". Free with acr_cli_secret_free(). */
char      *acr_cli_read_secret         (const char     *file,
                                        const char     *option,
                                        const char     *prompt,
                                        gboolean        confirm,
                                        GError        **error);
/* Wipes and frees @secret (may be NULL). */
void       acr_cli_secret_free         (char           *secret);
/* An AcrPinFunc: @user_data is the --pin-file path, or NULL to ask on the terminal. */
char      *acr_cli_pin_func            (const char     *token_label,
                                        guint           attempt,
                                        gpointer        user_data);

#define ACR_CLI_ERROR (acr_cli_error_quark ())

typedef enum
{
  ACR_CLI_ERROR_USAGE,
} AcrCliError;

GQuark     acr_cli_error_quark         (void);

G_END_DECLS
