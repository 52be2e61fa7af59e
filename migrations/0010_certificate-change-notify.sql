-- Tell every application process when what a certificate shows may have changed, so each can drop
-- its copy of that holder's public verification at once. NOTIFY is transactional: it is delivered
-- on commit and never for a rolled-back change. The payload is the holder's (candidate's) id.
CREATE OR REPLACE FUNCTION lssc_notify_certificate_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('lssc_certificate_changed', OLD.candidate_id::text);
  ELSE
    PERFORM pg_notify('lssc_certificate_changed', NEW.candidate_id::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certifications_notify_change
  AFTER INSERT OR UPDATE OR DELETE ON certifications
  FOR EACH ROW EXECUTE FUNCTION lssc_notify_certificate_change();
--> statement-breakpoint
CREATE TRIGGER set_achievements_notify_change
  AFTER INSERT OR UPDATE OR DELETE ON set_achievements
  FOR EACH ROW EXECUTE FUNCTION lssc_notify_certificate_change();
--> statement-breakpoint
CREATE TRIGGER applications_notify_name_change
  AFTER UPDATE OF given_name, family_name, policy_version_id, framework_version_id ON applications
  FOR EACH ROW
  WHEN (OLD.given_name IS DISTINCT FROM NEW.given_name OR OLD.family_name IS DISTINCT FROM NEW.family_name
        OR OLD.policy_version_id IS DISTINCT FROM NEW.policy_version_id
        OR OLD.framework_version_id IS DISTINCT FROM NEW.framework_version_id)
  EXECUTE FUNCTION lssc_notify_certificate_change();
