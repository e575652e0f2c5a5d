/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issuing credentials: one for an assessment, or a batch (every passed assessment of a
 * module version, or a CSV file of learners and their rubric results) signed in worker
 * threads and committed in chunks.
 *
 * The CSV file of acr_issuance_batch_new_from_csv()
 * -------------------------------------------------
 * UTF-8 text (a byte order mark is ignored), one learner per record, fields separated by
 * commas, or by semicolons when the header row holds a semicolon and no comma (as some
 * spreadsheets write it). A field may be quoted with '"' (and then hold separators, line
 * breaks and doubled quotes ""). The first row names the columns, in any order; names are
 * compared ignoring case, surrounding space, and '-' for '_':
 *
 *   external_id  required  the learner's number in another system: a learner with this
 *                          external id is taken as is, else a new learner is created
 *   given_name   required  column; the value is needed only for a new learner
 *   family_name  required  column; likewise
 *   email        optional  for a new learner
 *   birth_date   optional  for a new learner, YYYY-MM-DD
 *   assessed_on  required  the date of the assessment, YYYY-MM-DD
 *   assessor     required  who assessed
 *   grade        optional  the grade as awarded ("1,7")
 *   evidence     optional  a reference to the evidence
 *   critN        one per criterion of the module's rubric (crit1, crit2, … by the
 *                criterion's position, all of them): the name of the level reached
 *   passed       only for a module without rubric, required there: yes/no (also
 *                true/false, 1/0, passed/failed)
 *   total        only for a module without rubric, optional: the points reached
 *
 * Example (a rubric of two criteria with levels "Erfüllt" and "Nicht erfüllt"):
 *
 *   external_id,given_name,family_name,email,birth_date,assessed_on,assessor,crit1,crit2
 *   M-1001,Anna,Berger,anna@example.org,1999-04-02,2026-11-20,Dr. Huber,Erfüllt,Erfüllt
 *
 * Each record records the learner (when new) and the assessment in one transaction; the
 * total and the verdict follow from the rubric. A record whose learner holds a valid
 * credential for the module already is skipped without recording anything; running the same
 * file again after a crash reuses an identical assessment recorded before (same learner,
 * date, assessor and results) instead of recording it twice. A bad record is reported with
 * its row number (the header is row 1, as a spreadsheet counts) and the batch goes on.
 *
 * Threads: every function here is called from one thread at a time; a batch reports progress
 * as described at acr_issuance_batch_set_progress_func() and the "progress" signal. */

#pragma once

#include <gio/gio.h>

#include "acr-credential.h"
#include "acr-signing-identity.h"
#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_ISSUANCE_ERROR (acr_issuance_error_quark ())

typedef enum
{
  ACR_ISSUANCE_ERROR_FAILED,
  ACR_ISSUANCE_ERROR_CERTIFICATE,  /* no certificate, not valid now, or a retired identity */
  ACR_ISSUANCE_ERROR_CSV,          /* the CSV file cannot be read, or its header is wrong */
  ACR_ISSUANCE_ERROR_NOT_FOUND,    /* no passed assessment to certify */
  ACR_ISSUANCE_ERROR_RUN,          /* a batch that ran already */
} AcrIssuanceError;

GQuark            acr_issuance_error_quark         (void);

/* Issues a credential for the passed assessment @assessment_id signed by @identity, whose
 * certificate must be valid now: eligibility (acr_credential_check_eligible), build, sign,
 * and the credential stored with its audit entry in one transaction. Idempotent: when the
 * learner holds a valid credential for that module version already, that one is returned
 * and nothing is written (*@already_issued, which may be NULL, tells the two apart).
 * @revocation_list_url may be NULL. Free with g_object_unref(). */
AcrCredential    *acr_issue_credential_full        (AcrStore            *store,
                                                    AcrSigningIdentity  *identity,
                                                    gint64               assessment_id,
                                                    const char          *revocation_list_url,
                                                    gboolean            *already_issued,
                                                    GError             **error);
/* acr_issue_credential_full() without telling whether the credential is new. */
AcrCredential    *acr_issue_credential             (AcrStore            *store,
                                                    AcrSigningIdentity  *identity,
                                                    gint64               assessment_id,
                                                    const char          *revocation_list_url,
                                                    GError             **error);
/* The latest passed assessment (by date, then number) of @learner_id in the module version
 * @module_id; 0 with ACR_ISSUANCE_ERROR_NOT_FOUND (a sentence) when there is none. */
gint64            acr_issuance_find_assessment     (AcrStore            *store,
                                                    gint64               module_id,
                                                    gint64               learner_id,
                                                    GError             **error);
/* Checks that @identity can sign now: it has a certificate valid at this moment, and it is
 * not a retired identity of @store. ACR_ISSUANCE_ERROR_CERTIFICATE with a sentence. */
gboolean          acr_issuance_check_identity      (AcrStore            *store,
                                                    AcrSigningIdentity  *identity,
                                                    GError             **error);

#define ACR_TYPE_ISSUANCE_BATCH (acr_issuance_batch_get_type ())

G_DECLARE_FINAL_TYPE (AcrIssuanceBatch, acr_issuance_batch, ACR, ISSUANCE_BATCH, GObject)

/* Called from the thread that runs the batch (a worker thread with run_async) each time
 * @done of @total records are finished (issued and committed, skipped or failed). Keep it
 * short; it may cancel the batch's GCancellable. */
typedef void (*AcrIssuanceProgressFunc) (AcrIssuanceBatch *batch,
                                         guint             done,
                                         guint             total,
                                         gpointer          user_data);

/* At most this many failures are kept with their messages; get_failed counts them all. */
#define ACR_ISSUANCE_MAX_FAILURES_KEPT 1000

/* A batch of every learner with a passed assessment in the module version @module_id (the
 * latest passed one per learner): those holding a valid credential for it already, or whose
 * credential for that very assessment was revoked, are skipped. */
AcrIssuanceBatch *acr_issuance_batch_new_for_module      (AcrStore            *store,
                                                          AcrSigningIdentity  *identity,
                                                          gint64               module_id);
/* A batch from the CSV file @csv_path (see the top of this file) for the module version
 * @module_id. Reads the header and counts the records now: ACR_ISSUANCE_ERROR_CSV when the
 * file cannot be read or its columns do not fit the module's rubric; NOT_FOUND (store) for
 * an unknown module. */
AcrIssuanceBatch *acr_issuance_batch_new_from_csv        (AcrStore            *store,
                                                          AcrSigningIdentity  *identity,
                                                          gint64               module_id,
                                                          const char          *csv_path,
                                                          GError             **error);

/* Options; set them before running. NULL: no revocation list address in the documents. */
void              acr_issuance_batch_set_revocation_list_url (AcrIssuanceBatch   *self,
                                                              const char         *url);
/* Credentials per transaction (default 100). */
void              acr_issuance_batch_set_chunk_size      (AcrIssuanceBatch    *self,
                                                          guint                chunk_size);
/* Signing threads; 0 (default): g_get_num_processors(). */
void              acr_issuance_batch_set_n_workers       (AcrIssuanceBatch    *self,
                                                          guint                n_workers);
void              acr_issuance_batch_set_progress_func   (AcrIssuanceBatch    *self,
                                                          AcrIssuanceProgressFunc func,
                                                          gpointer             user_data,
                                                          GDestroyNotify       destroy);

/* Runs the batch in a thread; "progress" is emitted on the thread-default main context of
 * the caller, and @callback is called there after the last "progress". A batch runs once. */
void              acr_issuance_batch_run_async           (AcrIssuanceBatch    *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* TRUE when every record was handled (some may have failed: see get_failed). FALSE with
 * G_IO_ERROR_CANCELLED after a cancel (what was committed stays), or another error that
 * stopped the batch (the database, the signer's certificate). The counts are valid either
 * way. */
gboolean          acr_issuance_batch_run_finish          (AcrIssuanceBatch    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* Runs the batch in the calling thread (signing in worker threads), emitting "progress" in
 * the calling thread. */
gboolean          acr_issuance_batch_run                 (AcrIssuanceBatch    *self,
                                                          GCancellable        *cancellable,
                                                          GError             **error);

/* The summary, valid during (approximately) and after a run. */
gint64            acr_issuance_batch_get_module_id       (AcrIssuanceBatch    *self);
/* The row of table issuance_batch recording this run; 0 before it started. */
gint64            acr_issuance_batch_get_id              (AcrIssuanceBatch    *self);
guint             acr_issuance_batch_get_total           (AcrIssuanceBatch    *self);
guint             acr_issuance_batch_get_issued          (AcrIssuanceBatch    *self);
guint             acr_issuance_batch_get_skipped         (AcrIssuanceBatch    *self);
guint             acr_issuance_batch_get_failed          (AcrIssuanceBatch    *self);
gboolean          acr_issuance_batch_get_cancelled       (AcrIssuanceBatch    *self);
/* Seconds the run took (wall clock). */
double            acr_issuance_batch_get_elapsed         (AcrIssuanceBatch    *self);
/* The failures kept (at most ACR_ISSUANCE_MAX_FAILURES_KEPT), in the order they happened. */
guint             acr_issuance_batch_get_n_failures      (AcrIssuanceBatch    *self);
/* The failure @index: a translated sentence (transfer none), with the CSV row (0 for a batch
 * from the database), the learner and the assessment (0 when unknown). Out arguments may be
 * NULL. */
const char       *acr_issuance_batch_get_failure         (AcrIssuanceBatch    *self,
                                                          guint                index,
                                                          guint               *row,
                                                          gint64              *learner_id,
                                                          gint64              *assessment_id);

G_END_DECLS
