package com.recguard.adapter.genesys;

import com.mypurecloud.sdk.v2.api.QualityApi;
import com.mypurecloud.sdk.v2.model.Calibration;
import com.mypurecloud.sdk.v2.model.CalibrationCreate;
import com.mypurecloud.sdk.v2.model.ConversationReference;
import com.mypurecloud.sdk.v2.model.EvaluationForm;
import com.mypurecloud.sdk.v2.model.User;
import com.recguard.service.ActionException;
import com.recguard.service.QualityProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibration sessions through the quality API: POST /api/v2/quality/calibrations with the
 * compliance checklist form, the conversation, the agent and every evaluator (the calibrator is
 * GENESYS_QA_EVALUATOR_ID); GET /api/v2/quality/calibrations/{id} for the average, high and low score.
 */
public final class GenesysQuality implements QualityProgram {

    static final Call CREATE = Call.of("POST /api/v2/quality/calibrations", "quality:calibration:add");
    static final Call READ = Call.of("GET /api/v2/quality/calibrations/{id}", "quality:calibration:view");

    private final GenesysClient client;
    private final QualityApi quality;

    public GenesysQuality(GenesysClient client) {
        this.client = client;
        this.quality = new QualityApi(client.api());
    }

    @Override
    public String createCalibration(String conversationId, String agentUserId, List<String> evaluatorIds) throws ActionException {
        CalibrationCreate c = new CalibrationCreate();
        c.setName("MiFID-II compliance calibration " + conversationId);
        c.setCalibrator(client.reference(User.class, client.config().qaEvaluatorId()));
        if (agentUserId != null) {
            c.setAgent(client.reference(User.class, agentUserId));
        }
        c.setConversation(client.reference(ConversationReference.class, conversationId));
        c.setEvaluationForm(client.reference(EvaluationForm.class, client.config().qaFormId()));
        List<User> evaluators = new ArrayList<>();
        for (String id : evaluatorIds) {
            evaluators.add(client.reference(User.class, id));
        }
        c.setEvaluators(evaluators);
        Calibration created = client.call(CREATE, () -> quality.postQualityCalibrations(c, null));
        if (created == null || created.getId() == null) {
            throw ActionException.retryable("calibration of " + conversationId + " created without an id", null, null);
        }
        return created.getId();
    }

    @Override
    public Scores scores(String calibrationId) throws ActionException {
        Calibration c = client.call(READ, () -> quality.getQualityCalibration(calibrationId, null, null));
        return c == null ? new Scores(null, null, null) : new Scores(c.getAverageScore(), c.getHighScore(), c.getLowScore());
    }
}
