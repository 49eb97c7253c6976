-- Records search (issue 7): newest-first keyset paging and the signer-role / form-type / date filters.
CREATE INDEX IF NOT EXISTS "envelopes_created_id_idx" ON "envelopes" ("created_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "documents_template_key_envelope_idx" ON "documents" ("template_key", "envelope_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "signers_role_envelope_idx" ON "signers" ("role", "envelope_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "patients_name_idx" ON "patients" ("name");
--> statement-breakpoint
-- Short public verification codes printed (QR + text) on each signed page; one per document, random, not derived
-- from any patient data, so a code reveals nothing by itself.
CREATE TABLE IF NOT EXISTS "verification_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL UNIQUE REFERENCES "documents"("id") ON DELETE CASCADE,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_codes_code_ck" CHECK ("code" ~ '^[0-9A-HJKMNP-TV-Z]{10}$')
);
