const head = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:potok="https://potok.dev/schema/bpmn/1.0" id="d" targetNamespace="t">`;

function shape(id: string, x: number, y: number, width = 100, height = 80): string {
	return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`;
}

/**
 * A start event, a plain user task `call_client`, a service task `notify`, a stage `meet` that
 * declares the datetime field «Дата встречи» (`meeting_at`) and a timer catch event `remind`
 * whose value is not set yet.
 */
export const designerXml = `${head}
  <process id="p" isExecutable="true">
    <startEvent id="start" />
    <userTask id="call_client" name="Позвонить" />
    <serviceTask id="notify" name="Уведомить" />
    <userTask id="meet" name="Встреча"><extensionElements><potok:stage /><potok:fields><potok:field key="meeting_at" label="Дата встречи" type="datetime" /></potok:fields></extensionElements></userTask>
    <intermediateCatchEvent id="remind" name="Напомнить"><timerEventDefinition id="remind_timer" /></intermediateCatchEvent>
  </process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
    ${shape('start', 100, 100, 36, 36)}
    ${shape('call_client', 200, 78)}
    ${shape('notify', 350, 78)}
    ${shape('meet', 500, 78)}
    ${shape('remind', 650, 100, 36, 36)}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

/** One task `other_task` «Другой процесс», to tell a re-import apart from the first diagram. */
export const otherXml = `${head}
  <process id="other" isExecutable="true"><task id="other_task" name="Другой процесс" /></process>
  <bpmndi:BPMNDiagram id="other_di"><bpmndi:BPMNPlane id="other_plane" bpmnElement="other">
    ${shape('other_task', 200, 200)}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;
