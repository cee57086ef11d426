"""Chinese labels of case fields and timeline actions, for messages, the timeline and the audit.

They live on the read side because both sides need them: the acts (services) word their
refusals with FIELD_LABELS and import from here, while the read side never imports the write
side, so no import circle can form.
"""

# Field labels for messages and the timeline (also the exchange headers where they exist).
FIELD_LABELS = {
    "number": "编号", "kind": "类型", "summary": "事项摘要", "details": "详细情况",
    "category": "类别", "source": "来源", "street": "街镇", "community": "村/社区",
    "received_on": "登记日期", "accepted_on": "受理日期", "closed_on": "办结日期",
    "due_on": "期限", "outcome": "办理结果", "extended": "延期", "extension_reason": "延期理由",
    "handler": "承办人", "people_count": "涉及人数", "amount": "涉及金额", "status": "状态",
    "petition_type": "信访类型", "group_size": "集体访人数", "is_repeat": "重复信访",
    "via_proxy": "信访代理", "entered": "已录入系统", "satisfaction": "满意度",
    "mediators": "调解员", "performed": "协议履行", "judicial_applied_on": "司法确认申请日期",
    "judicial_result": "司法确认结果", "close_note": "办结说明", "reject_reason": "不予受理理由",
    "failed_route": "告知途径", "name": "姓名", "id_number": "身份证号", "phone": "联系电话",
    "address": "住址", "role": "身份", "parties": "当事人", "held_on": "调解日期",
    "terms": "协议条款", "signed_on": "协议日期", "form": "协议形式", "reason": "理由",
    "done_on": "回访日期", "result": "回访结果",
    "limits": "办理期限", "calendar": "节假日", "due_recomputed": "重算期限的未结案件",
    "gender": "性别", "is_org": "单位", "legal_rep": "法定代表人",
    "ethnicity": "民族", "occupation": "职业或工作单位",
    "attachment_kind": "附件类别",
    # Offices (caseapp.services.offices).
    "office_code": "单位代码", "office_name": "单位名称", "office_id": "所属单位",
    "offices": "可查看单位",
    # The work log (caseapp.services.worklog).
    "entry_id": "台账记录", "day": "日期", "type": "排查类型", "participants": "参加人员",
    "found": "发现纠纷数", "zero_report": "零上报", "note": "说明", "rows": "条数",
    # The petition acts (caseapp.services.petition_acts, petition_reply).
    "approver": "批准人", "approved_on": "批准日期", "extension_approver": "延期批准人",
    "extension_approved_on": "延期批准日期", "organ": "接收机关", "transferred_to": "转送机关",
    "transferred_on": "转送日期", "superior": "交办机关", "superior_due": "交办期限",
    "assigned_on": "交办日期", "report_on": "办结报告日期", "report_text": "办结报告",
    "report": "办结报告", "level": "督办级别", "by_whom": "督办单位", "supervised_on": "督办日期",
    "reply_due": "回复期限", "reply": "回复内容", "replied_on": "回复日期",
    "supervision": "督办", "supervision_replied_on": "督办回复日期",
    "decision": "处理意见", "request": "信访请求", "facts": "事实和理由", "basis": "处理依据",
    "delivered_on": "答复日期", "rated_on": "评价日期", "review_stage": "复查/复核",
    "review_of_id": "复查的信访件",
    # The acts of people's mediation (caseapp.services.mediation_acts).
    "judicial_court": "确认法院", "judicial_result_on": "司法确认结果日期",
    "agreement": "调解协议", "risk_grade": "风险等级", "prevention": "预防成效",
    "prevented_crime": "防止民转刑案件", "prevented_group_petition": "防止群体性上访",
    "prevented_group_fight": "防止群体性械斗", "prevented_suicide": "防止民间纠纷引起自杀",
}

# Timeline actions (Event.action) as the timeline and the audit trail show them.
ACTION_LABELS = {
    "registered": "登记", "accepted": "受理", "rejected": "不予受理", "assigned": "分派",
    "extended": "延期", "session_held": "调解", "agreement_recorded": "记录协议",
    "diverted": "转人民调解", "closed": "办结", "reopened": "重新打开", "follow_up": "回访",
    "marked_entered": "标记已录入", "edited": "编辑", "attachment_added": "添加附件",
    "attachment_kind": "标记附件类别",
    "deleted": "删除", "imported": "导入", "performance": "履行情况",
    "settings_changed": "修改设置", "calendar_changed": "修改节假日",
    "due_recomputed": "重新计算期限",
    "worklog_added": "录入排查台账", "worklog_edited": "修改排查台账",
    "worklog_deleted": "删除排查台账", "worklog_zero_report": "零上报",
    "worklog_imported": "导入排查台账", "worklog_linked": "关联排查记录",
    "party_added": "添加当事人", "party_edited": "修改当事人", "party_removed": "移除当事人",
    # The petition acts of the 信访工作条例 (2022).
    "transferred": "转送", "from_above": "上级交办", "report_filed": "报送办结报告",
    "supervised": "督办", "supervision_replied": "督办回复", "replied": "答复",
    "rated": "满意度评价", "review_requested": "申请复查/复核", "review_opened": "复查/复核立案",
    # The acts of people's mediation.
    "judicial_applied": "申请司法确认", "judicial_decided": "司法确认结果",
    "risk_marked": "风险等级与预防成效",
    # Accounts and personal data (caseapp.services.accounts, privacy, audit).
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录", "locked": "锁定屏幕",
    "user_added": "添加用户", "user_unlocked": "解除锁定", "user_disabled": "停用用户", "password_changed": "修改密码",
    "export": "导出", "printout": "打印", "reveal_personal": "查看个人信息",
    # Offices of a district (caseapp.services.offices).
    "office_added": "添加单位", "office_renamed": "修改单位名称", "office_code_set": "设置单位代码",
    "user_office_set": "设置用户所属单位", "user_offices_given": "分配可查看的单位",
    "package_imported": "导入上报包",  # caseapp.exchange.package_import
}
