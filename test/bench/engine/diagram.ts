/**
 * The benchmark diagram of issue 4: start → service task → exclusive gateway (`spam = true` to
 * an end, default to a user task) → user task → end. bpmn-engine gets the same diagram with its
 * own expression syntax and a no-op service implementation.
 */
const body = (condition: string, service: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench_definitions" targetNamespace="https://potok.dev/bench">
  <process id="bench" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="to_service" sourceRef="start" targetRef="enrich" />
    <serviceTask id="enrich"${service} />
    <sequenceFlow id="to_gateway" sourceRef="enrich" targetRef="is_spam" />
    <exclusiveGateway id="is_spam" default="to_task" />
    <sequenceFlow id="to_spam_end" sourceRef="is_spam" targetRef="spam_end"><conditionExpression xsi:type="tFormalExpression">${condition}</conditionExpression></sequenceFlow>
    <sequenceFlow id="to_task" sourceRef="is_spam" targetRef="call_lead" />
    <endEvent id="spam_end" />
    <userTask id="call_lead" />
    <sequenceFlow id="to_end" sourceRef="call_lead" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

export const potokXml = body('=spam = true', '');
export const bpmnEngineXml = body('${environment.variables.spam}', ' implementation="${environment.services.noop}"');
