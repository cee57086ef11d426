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
}

# Timeline actions (Event.action) as the timeline and the audit trail show them.
ACTION_LABELS = {
    "registered": "登记", "accepted": "受理", "rejected": "不予受理", "assigned": "分派",
    "extended": "延期", "session_held": "调解", "agreement_recorded": "记录协议",
    "diverted": "转人民调解", "closed": "办结", "reopened": "重新打开", "follow_up": "回访",
    "marked_entered": "标记已录入", "edited": "编辑", "attachment_added": "添加附件",
    "deleted": "删除", "imported": "导入", "performance": "履行情况",
    "settings_changed": "修改设置",
    # Accounts and personal data (caseapp.services.accounts, privacy, audit).
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录", "locked": "锁定屏幕",
    "user_added": "添加用户", "user_disabled": "停用用户", "password_changed": "修改密码",
    "export": "导出", "printout": "打印", "reveal_personal": "查看个人信息",
}
