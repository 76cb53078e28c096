package com.recguard;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md ("Shape") as a test: no package cycles, arrows only point down, the
 * service reaches its storage through its own ports, and each outside library is imported from one
 * package only.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recguard");

    private static void onlyIn(String library, String... ownerPackages) {
        noClasses().that().resideOutsideOfPackages(ownerPackages)
                .should().dependOnClassesThat().resideInAnyPackage(library)
                .because(library + " belongs to " + String.join(" and ", ownerPackages))
                .check(CLASSES);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("com.recguard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void layers_only_depend_downwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy("com.recguard.model..", "com.recguard.facts..", "com.recguard.config.facts..")
                .layer("Helpers").definedBy("com.recguard.phrase..", "com.recguard.phone..", "com.recguard.tables..")
                .layer("Core").definedBy("com.recguard.core..", "com.recguard.rules..", "com.recguard.lint..")
                .layer("Domain").definedBy("com.recguard.archive..", "com.recguard.audit..", "com.recguard.diff..",
                        "com.recguard.config", "com.recguard.generate..", "com.recguard.evidence..")
                .layer("Codecs").definedBy("com.recguard.json..")
                .layer("Fixtures").definedBy("com.recguard.fixtures..")
                .layer("Service").definedBy("com.recguard.service..", "com.recguard.backfill..")
                .layer("Adapters").definedBy("com.recguard.adapter..", "com.recguard.store..", "com.recguard.metrics..")
                .layer("Console").definedBy("com.recguard.console..")
                .layer("Shells").definedBy("com.recguard.cli..", "com.recguard.http..")
                .whereLayer("Shells").mayNotBeAccessedByAnyLayer()
                .whereLayer("Console").mayOnlyBeAccessedByLayers("Shells")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Shells")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Adapters", "Console", "Shells")
                .whereLayer("Fixtures").mayOnlyBeAccessedByLayers("Service", "Adapters", "Console", "Shells")
                .whereLayer("Codecs").mayOnlyBeAccessedByLayers("Fixtures", "Service", "Adapters", "Console", "Shells")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Codecs", "Fixtures", "Service", "Adapters", "Console", "Shells")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Domain", "Codecs", "Fixtures", "Service", "Adapters", "Console", "Shells")
                .whereLayer("Helpers").mayOnlyBeAccessedByLayers("Core", "Domain", "Codecs", "Fixtures", "Service", "Adapters",
                        "Console", "Shells")
                .check(CLASSES);
    }

    @Test
    void the_http_shell_reaches_storage_through_the_service_ports_only() {
        noClasses().that().resideInAnyPackage("com.recguard.http..", "com.recguard.service..", "com.recguard.console..")
                .should().dependOnClassesThat().resideInAnyPackage("com.recguard.store..", "com.recguard.adapter..")
                .check(CLASSES);
    }

    @Test
    void drools_is_imported_only_by_the_rules_package() {
        onlyIn("org.drools..", "com.recguard.rules..");
        onlyIn("org.kie..", "com.recguard.rules..");
    }

    @Test
    void jackson_is_imported_only_by_the_json_package() {
        onlyIn("com.fasterxml.jackson..", "com.recguard.json..");
    }

    @Test
    void picocli_is_imported_only_by_the_cli_package() {
        onlyIn("picocli..", "com.recguard.cli..");
    }

    @Test
    void javalin_is_imported_only_by_the_http_package() {
        onlyIn("io.javalin..", "com.recguard.http..");
    }

    @Test
    void the_template_engine_is_imported_only_by_the_console_package() {
        onlyIn("gg.jte..", "com.recguard.console..");
    }

    @Test
    void micrometer_is_imported_only_by_the_metrics_package() {
        onlyIn("io.micrometer..", "com.recguard.metrics..");
    }

    @Test
    void jdbc_and_flyway_are_imported_only_by_the_store() {
        onlyIn("java.sql..", "com.recguard.store..");
        onlyIn("javax.sql..", "com.recguard.store..");
        onlyIn("org.flywaydb..", "com.recguard.store..");
        onlyIn("org.sqlite..", "com.recguard.store..");
        onlyIn("org.postgresql..", "com.recguard.store..");
    }

    @Test
    void the_genesys_sdk_and_its_http_client_are_imported_only_by_the_genesys_adapter() {
        onlyIn("com.mypurecloud..", "com.recguard.adapter.genesys..");
        onlyIn("org.apache.http..", "com.recguard.adapter.genesys..");
    }

    @Test
    void libphonenumber_ahocorasick_and_commons_csv_each_have_one_home() {
        onlyIn("com.google.i18n.phonenumbers..", "com.recguard.phone..");
        onlyIn("org.ahocorasick..", "com.recguard.phrase..");
        onlyIn("org.apache.commons.csv..", "com.recguard.tables..");
    }

    @Test
    void the_aws_sdk_is_imported_only_by_the_s3_and_sqs_adapters() {
        onlyIn("software.amazon.awssdk..", "com.recguard.adapter.s3..", "com.recguard.adapter.sqs..");
        noClasses().that().resideInAPackage("com.recguard.adapter.sqs..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.s3..")
                .check(CLASSES);
    }

    @Test
    void resilience4j_is_imported_only_by_the_genesys_adapter() {
        onlyIn("io.github.resilience4j..", "com.recguard.adapter.genesys..");
    }

    @Test
    void the_backfill_reaches_storage_and_genesys_through_ports_only() {
        noClasses().that().resideInAPackage("com.recguard.backfill..")
                .should().dependOnClassesThat().resideInAnyPackage("com.recguard.store..", "com.recguard.adapter..")
                .check(CLASSES);
    }

    @Test
    void the_azure_sdk_is_imported_only_by_the_azure_adapter() {
        onlyIn("com.azure..", "com.recguard.adapter.azure..");
    }

    @Test
    void the_archive_core_depends_on_the_jdk_and_the_model_only() {
        classes().that().resideInAPackage("com.recguard.archive..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.recguard.archive..", "com.recguard.model..")
                .check(CLASSES);
    }

    @Test
    void the_evidence_pack_depends_on_the_jdk_the_archive_and_the_audit_chain_only() {
        classes().that().resideInAPackage("com.recguard.evidence..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.recguard.evidence..",
                        "com.recguard.archive..", "com.recguard.audit..")
                .check(CLASSES);
    }

    @Test
    void model_and_facts_depend_on_the_jdk_only() {
        classes().that().resideInAnyPackage("com.recguard.model..", "com.recguard.facts..", "com.recguard.config.facts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.recguard.model..", "com.recguard.facts..",
                        "com.recguard.config.facts..")
                .check(CLASSES);
    }
}
