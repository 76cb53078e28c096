package com.recguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Each outside library is imported from one package only; the model and facts import none. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.recguard");

    private static void onlyIn(String library, String ownerPackage) {
        noClasses().that().resideOutsideOfPackage(ownerPackage)
                .should().dependOnClassesThat().resideInAnyPackage(library)
                .because(library + " belongs to " + ownerPackage)
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
        noClasses().that().resideOutsideOfPackages("com.recguard.adapter.s3..", "com.recguard.adapter.sqs..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .because("the AWS SDK belongs to the S3 and SQS adapters")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.recguard.adapter.sqs..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.s3..")
                .check(CLASSES);
    }

    @Test
    void the_azure_sdk_is_imported_only_by_the_azure_adapter() {
        onlyIn("com.azure..", "com.recguard.adapter.azure..");
    }

    @Test
    void the_archive_core_depends_on_the_jdk_and_the_model_only() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("com.recguard.archive..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.recguard.archive..", "com.recguard.model..")
                .check(CLASSES);
    }

    @Test
    void model_and_facts_depend_on_the_jdk_only() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAnyPackage("com.recguard.model..", "com.recguard.facts..", "com.recguard.config.facts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.recguard.model..", "com.recguard.facts..",
                        "com.recguard.config.facts..")
                .check(CLASSES);
    }
}
