package com.recguard.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recguard.config.facts.RetentionPolicy;
import org.junit.jupiter.api.Test;

/** Media retention policies and bucket policies read as Genesys and AWS apply them. */
class GenesysConfigFieldsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static RetentionPolicy callPolicy(String conditions, String actions) throws Exception {
        return GenesysConfigFields.policy(json("{'id':'p','name':'P','enabled':true,'mediaPolicies':{'callPolicy':{'conditions':"
                + conditions + ",'actions':" + actions + "}}}"));
    }

    @Test
    void a_policy_without_retain_recording_retains_because_the_api_default_is_true() throws Exception {
        RetentionPolicy p = callPolicy("{}", "{'retentionDuration':{'deleteRetention':{'days':2557}}}");
        assertThat(p.retains()).isTrue();
        assertThat(p.deletes()).isFalse();
        assertThat(p.deleteAfterDays()).isEqualTo(2557);
    }

    @Test
    void delete_recording_is_ignored_while_retain_recording_is_true_but_always_delete_is_not() throws Exception {
        assertThat(callPolicy("{}", "{'retainRecording':true,'deleteRecording':true}").deletes()).isFalse();
        assertThat(callPolicy("{}", "{'retainRecording':false,'deleteRecording':true}").deletes()).isTrue();
        RetentionPolicy always = callPolicy("{}", "{'retainRecording':true,'alwaysDelete':true}");
        assertThat(always.deletes()).isTrue();
        assertThat(always.retains()).isFalse();
    }

    @Test
    void time_allowed_is_not_a_condition_but_a_duration_or_a_top_level_queue_is() throws Exception {
        assertThat(callPolicy("{'timeAllowed':{'timeSlots':[],'timeZoneId':'Europe/London','empty':true},'forQueues':[]}", "{}")
                .unconditioned()).isTrue();
        assertThat(callPolicy("{'duration':{'durationTarget':'DURATION_RANGE','durationOperator':'IN','durationRange':'0-30000'}}", "{}")
                .unconditioned()).isFalse();
        RetentionPolicy top = GenesysConfigFields.policy(json("{'id':'p','name':'P','enabled':true,'conditions':{'forQueues':[{'id':'q'}]},"
                + "'mediaPolicies':{'callPolicy':{'conditions':{},'actions':{}}}}"));
        assertThat(top.unconditioned()).isFalse();
    }

    @Test
    void a_top_level_policy_for_chats_only_says_nothing_about_calls() throws Exception {
        assertThat(GenesysConfigFields.policy(json("{'id':'p','name':'P','enabled':true,'conditions':{'mediaTypes':['CHAT']},"
                + "'actions':{'retainRecording':false,'deleteRecording':true}}"))).isNull();
        assertThat(GenesysConfigFields.policy(json("{'id':'p','name':'P','enabled':true,'conditions':{'mediaTypes':['CALL']},"
                + "'actions':{'retainRecording':false,'deleteRecording':true}}")).deletes()).isTrue();
    }

    @Test
    void policy_errors_are_counted() throws Exception {
        RetentionPolicy p = GenesysConfigFields.policy(json("{'id':'p','name':'P','enabled':true,'mediaPolicies':{'callPolicy':{'actions':{}}},"
                + "'policyErrors':{'policyErrorMessages':[{'statusCode':403,'errorCode':'x'}]}}"));
        assertThat(p.errors()).isEqualTo(1);
    }

    @Test
    void a_deny_to_aws_star_in_a_list_on_the_objects_counts_but_not_with_a_condition_or_on_the_bucket_arn_only() throws Exception {
        String b = "archive";
        assertThat(GenesysConfigFields.deniesDelete(json("{'Statement':[{'Effect':'Deny','Principal':{'AWS':['*']},"
                + "'Action':'s3:Delete*','Resource':['arn:aws:s3:::archive/*']}]}"), b)).isTrue();
        assertThat(GenesysConfigFields.deniesDelete(json("{'Statement':{'Effect':'Deny','Principal':'*',"
                + "'Action':'s3:DeleteObjectVersion','Resource':'arn:aws:s3:::archive/*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}}"), b))
                .isFalse();
        assertThat(GenesysConfigFields.deniesDelete(json("{'Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'s3:DeleteObjectVersion','Resource':'arn:aws:s3:::archive'}]}"), b)).isFalse();
        assertThat(GenesysConfigFields.deniesDelete(json("{'Statement':[{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::1:role/ops'},"
                + "'Action':'s3:DeleteObjectVersion','Resource':'arn:aws:s3:::archive/*'}]}"), b)).isFalse();
        assertThat(GenesysConfigFields.deniesDelete(json("{'Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'s3:DeleteObjectVersion','Resource':'arn:aws:s3:::other/*'}]}"), b)).isFalse();
    }

    @Test
    void station_side_recording_is_read_under_the_name_the_phone_template_shows_else_under_the_unverified_default() throws Exception {
        // "vendor_station_recording" is a made-up name: what matters is that the template's name is used
        JsonNode phone = json("{'id':'ph','name':'Desk','state':'active','phoneMetaBase':{'id':'mb-1'},"
                + "'properties':{'vendor_station_recording':{'value':{'instance':false}}}}");
        JsonNode template = json("{'properties':{'vendor_station_recording':{'value':{'default':true}},'phone_label':{}}}");

        var named = GenesysConfigFields.phone(phone, java.util.Map.of("mb-1", template));
        assertThat(named.property()).isEqualTo("vendor_station_recording");
        assertThat(named.nameFromTemplate()).isTrue();
        assertThat(named.stationSideRecording()).isFalse();

        var unnamed = GenesysConfigFields.phone(phone, java.util.Map.of());
        assertThat(unnamed.property()).isEqualTo(GenesysConfigFields.STATION_SIDE);
        assertThat(unnamed.nameFromTemplate()).isFalse();
        assertThat(unnamed.stationSideRecording()).isNull();
    }

    @Test
    void a_deleted_phone_base_is_skipped() throws Exception {
        assertThat(GenesysConfigFields.phone(json("{'id':'ph','name':'Old','state':'deleted'}"), java.util.Map.of())).isNull();
    }
}
