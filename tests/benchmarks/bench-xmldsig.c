/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast acr_xmldsig_sign() and acr_xmldsig_verify() are, per key type, and how close to
 * the raw GnuTLS operations (gnutls_privkey_sign_data2, gnutls_pubkey_verify_data2) on the
 * same key in the same run: the ratio is what XML (parsing excluded), c14n, digests, base64
 * and our checks cost on top of the cryptography.
 *
 * Times are CPU time of the process (the machine may be busy with other work).
 *
 *   bench-xmldsig [N]    N documents per key type, 500 by default */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gnutls/crypto.h>

#include "acr-xml.h"
#include "acr-xmldsig.h"

static const char *document =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<credential xmlns=\"urn:accredit:credential:1\" id=\"c%u\">\n"
  "  <learner><givenName>Anna</givenName><familyName>Müller</familyName></learner>\n"
  "  <title xml:lang=\"en\">Welding basics, part %u</title>\n"
  "  <issuer country=\"DE\">Handwerkskammer Beispielstadt</issuer>\n"
  "  <issued>2024-06-01</issued>\n"
  "  <outcomes><outcome>Prepares joints for MAG welding.</outcome>"
  "<outcome>Welds fillet joints in position PB.</outcome></outcomes>\n"
  "  <workload unit=\"hours\">40</workload><level framework=\"EQF\">3</level>\n"
  "  <assessment>practical</assessment><participation>onsite</participation>\n"
  "  <qualityAssurance>internal</qualityAssurance>\n"
  "</credential>\n";

typedef struct
{
  const char            *name;
  gnutls_pk_algorithm_t  pk;
  unsigned int           bits;
  gnutls_sign_algorithm_t sign;
} KeySpec;

/* CPU time of the process, so that other load on the machine distorts the rates less. */
static gint64
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
seconds_since (gint64 start)
{
  return (now_us () - start) / (double) G_USEC_PER_SEC;
}

static void
make_key (const KeySpec      *spec,
          gnutls_privkey_t   *key,
          gnutls_x509_crt_t  *crt)
{
  gnutls_x509_privkey_t xkey;
  time_t now = time (NULL);
  guint8 serial[8] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };

  if (gnutls_x509_privkey_init (&xkey) < 0 ||
      gnutls_x509_privkey_generate (xkey, spec->pk, spec->bits, 0) < 0 ||
      gnutls_privkey_init (key) < 0 ||
      gnutls_privkey_import_x509 (*key, xkey, GNUTLS_PRIVKEY_IMPORT_COPY) < 0 ||
      gnutls_x509_crt_init (crt) < 0 ||
      gnutls_x509_crt_set_version (*crt, 3) < 0 ||
      gnutls_x509_crt_set_serial (*crt, serial, sizeof serial) < 0 ||
      gnutls_x509_crt_set_dn (*crt, "CN=Accredit benchmark,O=Accredit", NULL) < 0 ||
      gnutls_x509_crt_set_activation_time (*crt, now - 3600) < 0 ||
      gnutls_x509_crt_set_expiration_time (*crt, now + 86400) < 0 ||
      gnutls_x509_crt_set_key (*crt, xkey) < 0 ||
      gnutls_x509_crt_set_key_usage (*crt, GNUTLS_KEY_DIGITAL_SIGNATURE) < 0 ||
      gnutls_x509_crt_privkey_sign (*crt, *crt, *key,
                                    spec->pk == GNUTLS_PK_EDDSA_ED25519 ? GNUTLS_DIG_SHA512
                                                                        : GNUTLS_DIG_SHA256,
                                    0) < 0)
    g_error ("Could not make a %s key and certificate", spec->name);

  gnutls_x509_privkey_deinit (xkey);

  /* Use the certificate as read back from storage, as Accredit does, not as just built. */
  {
    gnutls_datum_t der = { NULL, 0 };
    gnutls_x509_crt_t stored;

    if (gnutls_x509_crt_export2 (*crt, GNUTLS_X509_FMT_DER, &der) < 0 ||
        gnutls_x509_crt_init (&stored) < 0 ||
        gnutls_x509_crt_import (stored, &der, GNUTLS_X509_FMT_DER) < 0)
      g_error ("Could not re-read the %s certificate", spec->name);
    gnutls_free (der.data);
    gnutls_x509_crt_deinit (*crt);
    *crt = stored;
  }
}

static void
run (const KeySpec *spec,
     guint          n)
{
  gnutls_privkey_t key;
  gnutls_x509_crt_t crt;
  gnutls_pubkey_t pubkey;
  xmlDoc **docs = g_new0 (xmlDoc *, n);
  gnutls_datum_t *raw_sigs = g_new0 (gnutls_datum_t, n);
  gnutls_datum_t data;
  guint8 signed_info[600];
  double t_sign, t_verify, t_raw_sign, t_raw_verify;
  gint64 start;

  make_key (spec, &key, &crt);
  if (gnutls_pubkey_init (&pubkey) < 0 || gnutls_pubkey_import_x509 (pubkey, crt, 0) < 0)
    g_error ("Could not import the %s public key", spec->name);

  /* Parse outside the measurement: signing and verifying are measured, not reading. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf (document, i, i);
      g_autoptr(GError) error = NULL;

      docs[i] = acr_xml_parse_untrusted (text, strlen (text), "bench.xml", &error);
      g_assert_no_error (error);
    }

  start = now_us ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!acr_xmldsig_sign (docs[i], key, &crt, 1, &error))
        g_error ("Signing failed: %s", error->message);
    }
  t_sign = seconds_since (start);

  start = now_us ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrXmldsigResult) result = acr_xmldsig_verify (docs[i]);

      if (!acr_xmldsig_result_get_valid (result))
        g_error ("Verification failed for document %u", i);
    }
  t_verify = seconds_since (start);

  /* The raw operations on a SignedInfo-sized input (ours is about 550 bytes). */
  memset (signed_info, 'x', sizeof signed_info);
  data.data = signed_info;
  data.size = sizeof signed_info;

  start = now_us ();
  for (guint i = 0; i < n; i++)
    {
      signed_info[0] = (guint8) i;
      if (gnutls_privkey_sign_data2 (key, spec->sign, 0, &data, &raw_sigs[i]) < 0)
        g_error ("Raw signing failed");
    }
  t_raw_sign = seconds_since (start);

  start = now_us ();
  for (guint i = 0; i < n; i++)
    {
      signed_info[0] = (guint8) i;
      if (gnutls_pubkey_verify_data2 (pubkey, spec->sign, 0, &data, &raw_sigs[i]) < 0)
        g_error ("Raw verification failed");
    }
  t_raw_verify = seconds_since (start);

  g_print ("%-18s %10.0f %10.0f %6.2f   %10.0f %10.0f %6.2f\n", spec->name,
           n / t_sign, n / t_raw_sign, t_raw_sign / t_sign,
           n / t_verify, n / t_raw_verify, t_raw_verify / t_verify);

  for (guint i = 0; i < n; i++)
    {
      xmlFreeDoc (docs[i]);
      gnutls_free (raw_sigs[i].data);
    }
  g_free (docs);
  g_free (raw_sigs);
  gnutls_pubkey_deinit (pubkey);
  gnutls_x509_crt_deinit (crt);
  gnutls_privkey_deinit (key);
}

int
main (int   argc,
      char *argv[])
{
  const KeySpec specs[] = {
    { "RSA-3072", GNUTLS_PK_RSA, 3072, GNUTLS_SIGN_RSA_SHA256 },
    { "RSA-2048", GNUTLS_PK_RSA, 2048, GNUTLS_SIGN_RSA_SHA256 },
    { "ECDSA-P256", GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
      GNUTLS_SIGN_ECDSA_SHA256 },
    { "Ed25519", GNUTLS_PK_EDDSA_ED25519, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519),
      GNUTLS_SIGN_EDDSA_ED25519 },
  };
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 500;

  if (n == 0)
    {
      g_printerr ("Usage: %s [N]\n", argv[0]);
      return 2;
    }

  gnutls_global_init ();

  g_print ("%u documents per key type (%" G_GSIZE_FORMAT " bytes each); "
           "ratio = raw time / our time\n", n, strlen (document));
  g_print ("%-18s %10s %10s %6s   %10s %10s %6s\n", "key", "signs/s", "raw", "ratio",
           "verifies/s", "raw", "ratio");

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    run (&specs[i], n);

  gnutls_global_deinit ();
  return 0;
}
