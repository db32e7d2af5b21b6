--liquibase formatted sql

--changeset linetrace:provisioning-key-injection-possession-1
-- Whether the report proved possession of the private key (its CSR verified with the reported key): only such a
-- report counts as a use of the key, so a copied public key cannot get another unit held as a duplicate.
alter table ${schema}.key_injection add column possession_proven boolean not null default false;
update ${schema}.key_injection set possession_proven = true
where verdict = 'VERIFIED' or rejection_code in ('UNTRUSTED_ISSUER', 'OUTSIDE_VALIDITY', 'SUBJECT_MISMATCH');
