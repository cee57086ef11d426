<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>CaseDesk</name>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>信访件</source>
      <translation>Petitions</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>矛盾纠纷</source>
      <translation>Disputes</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>信访</source>
      <translation>Petition</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>纠纷</source>
      <translation>Dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>待受理</source>
      <translation>Awaiting acceptance</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>办理中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>支持</source>
      <translation>Supported</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>解释说明</source>
      <translation>Explained</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不予支持</source>
      <translation>Not supported</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>转人民调解</source>
      <translation>Referred to mediation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>调解成功</source>
      <translation>Mediation succeeded</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>调解不成</source>
      <translation>Mediation failed</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>终止调解</source>
      <translation>Mediation terminated</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>转送</source>
      <translation>Transferred</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>予以支持</source>
      <translation>Support</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>作出解释说明</source>
      <translation>Explain</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>普通督办</source>
      <translation>Normal supervision</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>黄牌督办</source>
      <translation>Yellow-card supervision</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>红牌督办</source>
      <translation>Red-card supervision</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>复查</source>
      <translation>Review</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>复核</source>
      <translation>Re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>诉讼</source>
      <translation>Litigation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>仲裁</source>
      <translation>Arbitration</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>行政途径</source>
      <translation>Administrative channel</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>来信</source>
      <translation>Letter</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>来访</source>
      <translation>Visit</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>网上信访</source>
      <translation>Online petition</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>来电</source>
      <translation>Phone call</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>传真</source>
      <translation>Fax</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>上级交办</source>
      <translation>Assigned by superior</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>建议意见类</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>检举控告类</source>
      <translation>Report or complaint</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>申诉求决类</source>
      <translation>Appeal or request</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>当事人申请</source>
      <translation>Party's application</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>主动排查</source>
      <translation>Proactive screening</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>信访转入</source>
      <translation>Transferred from petition</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>委托移送</source>
      <translation>Referred by another body</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>未评价</source>
      <translation>Not rated</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>书面协议</source>
      <translation>Written agreement</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>口头协议</source>
      <translation>Oral agreement</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>身份证明</source>
      <translation>Proof of identity</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>委托书</source>
      <translation>Power of attorney</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>证据</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>履行凭证</source>
      <translation>Proof of performance</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>确认有效</source>
      <translation>Confirmed valid</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>驳回</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>撤回</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>未申请</source>
      <translation>Not applied</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已申请</source>
      <translation>Applied</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>一般</source>
      <translation>Normal</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>较大</source>
      <translation>Major</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>重大</source>
      <translation>Severe</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>防止民转刑案件</source>
      <translation>Prevented civil case turning criminal</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>防止群体性上访</source>
      <translation>Prevented group petition</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>防止群体性械斗</source>
      <translation>Prevented group fight</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>防止民间纠纷引起自杀</source>
      <translation>Prevented suicide from a civil dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>日常排查</source>
      <translation>Routine screening</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>集中排查</source>
      <translation>Concentrated screening</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>专项排查</source>
      <translation>Special screening</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>安保维稳</source>
      <translation>Security and stability</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>全区</source>
      <translation>Whole district</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>信访人</source>
      <translation>Petitioner</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>代理人</source>
      <translation>Agent</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>被反映人</source>
      <translation>Person complained about</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>被申请人</source>
      <translation>Respondent</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>第三人</source>
      <translation>Third party</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>城乡建设</source>
      <translation>Urban and rural construction</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>自然资源</source>
      <translation>Natural resources</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>农业农村</source>
      <translation>Agriculture and rural affairs</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>劳动社保</source>
      <translation>Labour and social security</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>卫生健康</source>
      <translation>Health</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>教育</source>
      <translation>Education</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>民政</source>
      <translation>Civil affairs</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>生态环境</source>
      <translation>Ecology and environment</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>交通运输</source>
      <translation>Transport</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>市场监管</source>
      <translation>Market regulation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>企业经营</source>
      <translation>Business operations</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>涉法涉诉</source>
      <translation>Law and litigation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>党务政务</source>
      <translation>Party and government affairs</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>婚姻家庭纠纷</source>
      <translation>Marriage and family dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>邻里纠纷</source>
      <translation>Neighbour dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>房屋宅基地纠纷</source>
      <translation>Housing and homestead dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>合同纠纷</source>
      <translation>Contract dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>生产经营纠纷</source>
      <translation>Production and business dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>损害赔偿纠纷</source>
      <translation>Damages dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>山林土地纠纷</source>
      <translation>Forest and land dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>征地拆迁纠纷</source>
      <translation>Land requisition and demolition dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>环境污染纠纷</source>
      <translation>Environmental pollution dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>劳动争议纠纷</source>
      <translation>Labour dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>消费纠纷</source>
      <translation>Consumer dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>医疗纠纷</source>
      <translation>Medical dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>道路交通事故纠纷</source>
      <translation>Road traffic accident dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>物业纠纷</source>
      <translation>Property management dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>其他纠纷</source>
      <translation>Other dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>登记员</source>
      <translation>Clerk</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>调解员</source>
      <translation>Mediator</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>查看</source>
      <translation>Viewer</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已复核终结</source>
      <translation>Closed after re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>应通过诉讼、仲裁、行政复议等法定途径解决</source>
      <translation>Should be resolved by litigation, arbitration, administrative reconsideration or other legal channels</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>应通过行政复议解决</source>
      <translation>Should be resolved by administrative reconsideration</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>行政复议机关</source>
      <translation>Administrative reconsideration body</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>应通过仲裁解决</source>
      <translation>Should be resolved by arbitration</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>仲裁机构</source>
      <translation>Arbitration body</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>应通过诉讼解决</source>
      <translation>Should be resolved by litigation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>人民法院</source>
      <translation>People's court</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已受理或正在办理</source>
      <translation>Already accepted or being handled</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>正在办理的机关</source>
      <translation>Authority handling it</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已办结且无新的事实和理由</source>
      <translation>Already closed, with no new facts or reasons</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不属于本机关职责范围</source>
      <translation>Outside this authority's remit</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>有权处理的机关</source>
      <translation>Competent authority</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>终结</source>
      <translation>final</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>复议</source>
      <translation>reconsideration</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>法定途径</source>
      <translation>legal channels</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>行政复议</source>
      <translation>administrative reconsideration</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>法院</source>
      <translation>court</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>起诉</source>
      <translation>sue</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>正在办理</source>
      <translation>being handled</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>已受理</source>
      <translation>accepted</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>办理期间</source>
      <translation>while handled</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>重复提出</source>
      <translation>raised again</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>无新的事实</source>
      <translation>no new facts</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>办理完毕</source>
      <translation>handled</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不属于</source>
      <translation>outside</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>职权</source>
      <translation>powers</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>职责</source>
      <translation>duties</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>无权处理</source>
      <translation>no power to handle</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../caseapp/calendar.py" />
      <source>休</source>
      <translation>Off</translation>
    </message>
    <message>
      <location filename="../../caseapp/calendar.py" />
      <source>班</source>
      <translation>Work</translation>
    </message>
    <message>
      <location filename="../../caseapp/calendar.py" />
      <source>日</source>
      <translation>calendar days</translation>
    </message>
    <message>
      <location filename="../../caseapp/calendar.py" />
      <source>工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>编号</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>事项摘要</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>详细情况</source>
      <translation>Details</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>街镇</source>
      <translation>Street/town</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>村/社区</source>
      <translation>Village/community</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>登记日期</source>
      <translation>Registered on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>受理日期</source>
      <translation>Accepted on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办结日期</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>期限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办理结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>延期</source>
      <translation>Extend</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>延期理由</source>
      <translation>Extension reason</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>承办人</source>
      <translation>Handler</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>涉及人数</source>
      <translation>People involved</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>涉及金额</source>
      <translation>Amount involved</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>信访类型</source>
      <translation>Petition type</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>集体访人数</source>
      <translation>Group visitors</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>重复信访</source>
      <translation>Repeat petition</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>信访代理</source>
      <translation>Petition by agent</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>已录入系统</source>
      <translation>Entered in system</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>满意度</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>协议履行</source>
      <translation>Agreement performed</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>司法确认申请日期</source>
      <translation>Judicial confirmation applied on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>司法确认结果</source>
      <translation>Judicial confirmation result</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办结说明</source>
      <translation>Closing note</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>不予受理理由</source>
      <translation>Reason for not accepting</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>告知途径</source>
      <translation>Advised channel</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>联系电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>身份</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>当事人</source>
      <translation>Parties</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>调解日期</source>
      <translation>Session date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>协议条款</source>
      <translation>Agreement terms</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>协议日期</source>
      <translation>Agreement date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>协议形式</source>
      <translation>Agreement form</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回访日期</source>
      <translation>Follow-up date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回访结果</source>
      <translation>Follow-up result</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办理期限</source>
      <translation>Time limits</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>节假日</source>
      <translation>Holidays</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>重算期限的未结案件</source>
      <translation>Open cases with recalculated deadlines</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>单位</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>法定代表人</source>
      <translation>Legal representative</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>民族</source>
      <translation>Ethnicity</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>职业或工作单位</source>
      <translation>Occupation or employer</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>附件类别</source>
      <translation>Attachment type</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>单位代码</source>
      <translation>Office code</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>单位名称</source>
      <translation>Office name</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>所属单位</source>
      <translation>Office</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>可查看单位</source>
      <translation>Offices visible</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>台账记录</source>
      <translation>Log entry</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>排查类型</source>
      <translation>Screening type</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>参加人员</source>
      <translation>Participants</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>发现纠纷数</source>
      <translation>Disputes found</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>零上报</source>
      <translation>Zero report</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>条数</source>
      <translation>Entries</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>批准人</source>
      <translation>Approved by</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>批准日期</source>
      <translation>Approved on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>延期批准人</source>
      <translation>Extension approved by</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>延期批准日期</source>
      <translation>Extension approved on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>接收机关</source>
      <translation>Receiving authority</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>转送机关</source>
      <translation>Transferred to</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>转送日期</source>
      <translation>Transferred on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>交办机关</source>
      <translation>Assigning authority</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>交办期限</source>
      <translation>Due by (assigned)</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>交办日期</source>
      <translation>Assigned on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办结报告日期</source>
      <translation>Closing report date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办结报告</source>
      <translation>Closing report</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办级别</source>
      <translation>Supervision level</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办单位</source>
      <translation>Supervising body</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办日期</source>
      <translation>Supervised on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回复期限</source>
      <translation>Reply due</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回复内容</source>
      <translation>Reply</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回复日期</source>
      <translation>Replied on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办</source>
      <translation>Supervise</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办回复日期</source>
      <translation>Supervision reply date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>处理意见</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>信访请求</source>
      <translation>Petitioner's request</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>事实和理由</source>
      <translation>Facts and reasons</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>处理依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>答复日期</source>
      <translation>Replied on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>评价日期</source>
      <translation>Rated on</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>复查/复核</source>
      <translation>Review/Re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>复查的信访件</source>
      <translation>Petition under review</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>确认法院</source>
      <translation>Confirming court</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>司法确认结果日期</source>
      <translation>Judicial confirmation result date</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>调解协议</source>
      <translation>Mediation agreement</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>风险等级</source>
      <translation>Risk grade</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>预防成效</source>
      <translation>Prevention</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>登记</source>
      <translation>Register</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>分派</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>调解</source>
      <translation>Mediation</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>记录协议</source>
      <translation>Record agreement</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>重新打开</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>回访</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>标记已录入</source>
      <translation>Mark as entered</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>标记附件类别</source>
      <translation>Set attachment type</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>履行情况</source>
      <translation>Performance</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改设置</source>
      <translation>Change settings</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改节假日</source>
      <translation>Edit holidays</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>重新计算期限</source>
      <translation>Recalculate deadlines</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>录入排查台账</source>
      <translation>Add screening log entry</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改排查台账</source>
      <translation>Edit screening log entry</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>删除排查台账</source>
      <translation>Delete screening log entry</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>导入排查台账</source>
      <translation>Import screening log</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>关联排查记录</source>
      <translation>Link screening entry</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>添加当事人</source>
      <translation>Add party</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改当事人</source>
      <translation>Edit party</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>移除当事人</source>
      <translation>Remove party</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>报送办结报告</source>
      <translation>Submit closing report</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>督办回复</source>
      <translation>Supervision reply</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>答复</source>
      <translation>Reply</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>满意度评价</source>
      <translation>Satisfaction rating</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>申请复查/复核</source>
      <translation>Apply for review/re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>复查/复核立案</source>
      <translation>Open review/re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>申请司法确认</source>
      <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>风险等级与预防成效</source>
      <translation>Risk grade and prevention</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>登录</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>登录失败</source>
      <translation>Sign-in failed</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>退出登录</source>
      <translation>Sign out</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>锁定屏幕</source>
      <translation>Lock screen</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>添加用户</source>
      <translation>Add user</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>解除锁定</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>停用用户</source>
      <translation>Disable user</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>查看个人信息</source>
      <translation>View personal data</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>添加单位</source>
      <translation>Add an office</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>修改单位名称</source>
      <translation>Rename an office</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>设置单位代码</source>
      <translation>Set office code</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>设置用户所属单位</source>
      <translation>Set a user's office</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>分配可查看的单位</source>
      <translation>Give offices to a user</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/labels.py" />
      <source>导入上报包</source>
      <translation>Import report package</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/related.py" />
      <source>同一被申请人/被反映人</source>
      <translation>Same respondent / person complained about</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/related.py" />
      <source>同一信访人/申请人</source>
      <translation>Same petitioner / applicant</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/related.py" />
      <source>同一村/社区同类纠纷</source>
      <translation>Same kind of dispute in the same village/community</translation>
    </message>
    <message>
      <location filename="../../caseapp/queries/related.py" />
      <source>涉及人数较多</source>
      <translation>Many people involved</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>注意：本机未找到可嵌入的中文字体，本文件使用未嵌入的 STSong-Light 字体，在其他电脑上可能显示异常。</source>
      <translation>Note: no embeddable Chinese font was found on this computer; this file uses the non-embedded STSong-Light font and may look wrong on other computers.</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正仿宋_GBK.ttf</source>
      <translation>方正仿宋_GBK.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正仿宋简体.ttf</source>
      <translation>方正仿宋简体.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>仿宋_GB2312.ttf</source>
      <translation>仿宋_GB2312.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正小标宋_GBK.ttf</source>
      <translation>方正小标宋_GBK.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正小标宋简体.ttf</source>
      <translation>方正小标宋简体.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正黑体_GBK.ttf</source>
      <translation>方正黑体_GBK.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>方正黑体简体.ttf</source>
      <translation>方正黑体简体.ttf</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>正文（仿宋）</source>
      <translation>Body (FangSong)</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>标题（小标宋）</source>
      <translation>Title (Xiaobiaosong)</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>标签（黑体）</source>
      <translation>Labels (Heiti)</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>仿宋</source>
      <translation>FangSong</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>小标宋</source>
      <translation>Xiaobiaosong</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/fonts.py" />
      <source>黑体</source>
      <translation>Heiti</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>受理或不予受理后才能出具告知书</source>
      <translation>A notice can be issued once accepted or not accepted</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>案件尚未受理</source>
      <translation>The case has not been accepted yet</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>仅来源为“当事人申请”的纠纷有申请书</source>
      <translation>Only disputes with source "Party's application" have an application</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>尚未记录调解</source>
      <translation>No mediation session recorded yet</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>该纠纷尚未记录调解协议</source>
      <translation>No mediation agreement recorded for this dispute yet</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>该纠纷没有记录口头协议</source>
      <translation>No oral agreement recorded for this dispute</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>仅调解不成或终止调解的纠纷出具终止调解告知书</source>
      <translation>A termination notice is issued only for failed or terminated mediations</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>没有回访安排</source>
      <translation>No follow-up scheduled</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>仅书面调解协议可以申请司法确认</source>
      <translation>Only a written mediation agreement can be submitted for judicial confirmation</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>案件登记表</source>
      <translation>案件登记表</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>告知书</source>
      <translation>告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解申请书</source>
      <translation>人民调解申请书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解受理登记表</source>
      <translation>人民调解受理登记表</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>当事人权利义务告知书</source>
      <translation>当事人权利义务告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解调查记录</source>
      <translation>人民调解调查记录</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解记录</source>
      <translation>人民调解记录</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解协议书</source>
      <translation>人民调解协议书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解口头协议登记表</source>
      <translation>人民调解口头协议登记表</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解回访记录</source>
      <translation>人民调解回访记录</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>司法确认申请书</source>
      <translation>司法确认申请书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>终止人民调解告知书</source>
      <translation>终止人民调解告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>纠纷办结后才能立卷打印卷宗</source>
      <translation>The dossier can be compiled and printed once the dispute is closed</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>人民调解卷宗</source>
      <translation>People's mediation dossier</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>尚未答复（出具处理意见书须先“答复”）</source>
      <translation>Not replied yet (the decision letter needs "Reply" first)</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>没有经批准的延期</source>
      <translation>No approved extension</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>该信访件未转送</source>
      <translation>This petition was not transferred</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>该信访件未转人民调解</source>
      <translation>This petition was not referred to mediation</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>不是上级交办件，没有办结报告</source>
      <translation>Not assigned by a superior: no closing report</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>尚未填写办结报告的内容</source>
      <translation>The closing report has not been filled in yet</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>信访事项处理意见书</source>
      <translation>信访事项处理意见书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>延期办理告知书</source>
      <translation>延期办理告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>转送告知书</source>
      <translation>转送告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>转送函</source>
      <translation>转送函</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>转人民调解告知书</source>
      <translation>转人民调解告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>信访事项登记表</source>
      <translation>信访事项登记表</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>矛盾纠纷登记表</source>
      <translation>矛盾纠纷登记表</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>不予受理告知书</source>
      <translation>不予受理告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>受理告知书</source>
      <translation>受理告知书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>信访事项复查意见书</source>
      <translation>信访事项复查意见书</translation>
    </message>
    <message>
      <location filename="../../caseapp/reports/documents.py" />
      <source>信访事项复核意见书</source>
      <translation>信访事项复核意见书</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>正在生成演示数据（{0} 件），请稍候…</source>
      <translation>Generating demo data ({0} cases), please wait…</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>正在生成演示数据</source>
      <translation>Generating demo data</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>保存协议</source>
      <translation>Save agreement</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>＋ 添加条款</source>
      <translation>＋ Add term</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>约定内容，如：甲方于2026年4月30日前支付乙方人民币5000元</source>
      <translation>What was agreed, e.g. Party A pays Party B RMB 5,000 by 30 April 2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>纠纷事实</source>
      <translation>Facts of the dispute</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>如：一次性现金支付、银行转账</source>
      <translation>e.g. one-off cash payment, bank transfer</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>履行方式</source>
      <translation>Manner of performance</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>履行地点</source>
      <translation>Place of performance</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>约定履行期限</source>
      <translation>Agreed performance deadline</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>履行期限</source>
      <translation>Performance deadline</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>记录调解协议</source>
      <translation>Record mediation agreement</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>记录履行情况</source>
      <translation>Record performance</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>协议已履行</source>
      <translation>Agreement performed</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>司法确认请使用「申请司法确认」</source>
      <translation>For judicial confirmation use "Apply for judicial confirmation"</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>协议至少需要一条约定内容</source>
      <translation>An agreement needs at least one term</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>履行期限不能早于协议日期</source>
      <translation>The performance deadline cannot be before the agreement date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/agreement.py" />
      <source>第{0}条</source>
      <translation>Term {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/base.py" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/base.py" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>诉求合理，予以支持</source>
      <translation>Request is reasonable and supported</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>诉求缺乏依据，不予支持</source>
      <translation>Request lacks grounds and is not supported</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>属平等主体间民事权利义务，导入人民调解程序</source>
      <translation>Civil rights and duties between equal parties: referred to people's mediation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>达成调解协议（书面或口头）</source>
      <translation>Agreement reached (written or oral)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>告知当事人其他解决途径</source>
      <translation>Parties told of other remedies</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>撤回申请、一方拒绝调解或另行解决</source>
      <translation>Withdrawn, refused or settled otherwise</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>办结后只有管理员可以重新打开，确定办结吗？</source>
      <translation>Once closed, only an administrator can reopen it. Close this case?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>纠纷类型</source>
      <translation>Dispute type</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>先记录协议…</source>
      <translation>Record the agreement first…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>将登记一件来源为「信访转入」的矛盾纠纷，并复制当事人</source>
      <translation>A dispute with source "Transferred from petition" will be registered and the parties copied</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>尚未记录调解协议。调解成功须先记录协议（书面或口头）。</source>
      <translation>No mediation agreement recorded yet. A successful mediation needs an agreement (written or oral) first.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>请选择办理结果</source>
      <translation>Choose an outcome</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>已记录{0}（{1}），共{2}条</source>
      <translation>{0} recorded ({1}), {2} terms</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>调解不成须选择告知当事人的途径</source>
      <translation>A failed mediation needs the channel the parties were told of</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>转人民调解须选择纠纷类型</source>
      <translation>Referring to mediation needs a dispute type</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/close.py" />
      <source>调解成功须先记录调解协议</source>
      <translation>A successful mediation needs the mediation agreement recorded first</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>记录申请</source>
      <translation>Record application</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>记录结果</source>
      <translation>Record result</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>请填写受理司法确认申请的人民法院</source>
      <translation>Enter the people's court that accepted the application for judicial confirmation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>如：××区人民法院</source>
      <translation>e.g. ×× District People's Court</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>受理法院</source>
      <translation>Accepting court</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>申请日期</source>
      <translation>Applied on</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>记录司法确认结果</source>
      <translation>Record judicial confirmation result</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>确认结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>结果日期</source>
      <translation>Result date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>重大：可能激化、引发群体性事件或民转刑</source>
      <translation>Severe: may escalate, cause a group incident or turn criminal</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>调解委员会所在地的基层人民法院</source>
      <translation>The basic-level people's court where the mediation committee is</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>法院裁定或当事人撤回之日</source>
      <translation>The day of the court's ruling or the parties' withdrawal</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>应自调解协议生效之日起30日内申请，即{0}前（含当日）</source>
      <translation>Apply within 30 days of the agreement taking effect, i.e. by {0} (inclusive)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/mediation.py" />
      <source>{0}，{1}申请</source>
      <translation>{0}, applied {1}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>移除理由</source>
      <translation>Reason for removal</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>请写明移除的理由</source>
      <translation>State the reason for the removal</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>同时更正</source>
      <translation>Also correct</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>姓名/名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>是单位</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>当事人是法人或其他组织</source>
      <translation>The party is a legal person or other organisation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>18位居民身份证号，自动识别性别</source>
      <translation>18-digit resident ID number; sex is recognised from it</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>手机或固定电话</source>
      <translation>Mobile or landline</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>如：汉族</source>
      <translation>e.g. Han</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>身份证号和电话以隐藏形式显示；不修改时保留原样，修改时请输入完整号码</source>
      <translation>ID number and phone are shown masked; left unchanged they are kept, to change them enter the full number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>将从本案移除{0}「{1}」，其他案件不受影响</source>
      <translation>{0} "{1}" will be removed from this case; other cases are not affected</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>{0}还是以下案件的当事人：
{1}

修改将同时更正这些案件中的信息。确定修改吗？</source>
      <translation>{0} is also a party to these cases:
{1}

The change will correct them too. Save the change?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/party.py" />
      <source>此人还是另外 {0} 件案件的当事人，修改姓名、证件、电话或住址将同时更正这些案件：{1}</source>
      <translation>This person is also a party to {0} other cases; changing the name, ID, phone or address corrects those cases too: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>转送后本件在本单位即告办结（办理结果：转送）。确定转送吗？</source>
      <translation>After the transfer this case is closed in this office (outcome: Transferred). Transfer it?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>报送</source>
      <translation>Submit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>回复</source>
      <translation>Reply</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>答复并办结</source>
      <translation>Reply and close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>答复后本件即告办结，答复日期起30日内信访人可申请复查。确定答复吗？</source>
      <translation>After the reply this case is closed; within 30 days of the reply date the petitioner may apply for a review. Send the reply?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>登记申请</source>
      <translation>Register application</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写批准延期的负责人</source>
      <translation>Enter who approved the extension</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写接收机关</source>
      <translation>Enter the receiving authority</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写交办机关</source>
      <translation>Enter the assigning authority</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写办结报告的内容</source>
      <translation>Enter the content of the closing report</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写督办单位或督办人</source>
      <translation>Enter the supervising body or person</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写回复内容</source>
      <translation>Enter the reply</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请填写复查（复核）请求的事项和理由</source>
      <translation>Enter the matters and reasons of the review (re-review) request</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请写明信访请求</source>
      <translation>State the petitioner's request</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请写明事实和理由</source>
      <translation>State the facts and reasons</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请写明处理依据</source>
      <translation>State the legal basis</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>交办文号</source>
      <translation>Assignment reference no.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>报告日期</source>
      <translation>Report date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>办理情况</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>督办意见</source>
      <translation>Supervision opinion</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>渠道</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请求事项和理由</source>
      <translation>Request and reasons</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>批准延期的负责人</source>
      <translation>Extension approved by</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>延期理由将以延期办理告知书告知信访人</source>
      <translation>The petitioner is told the extension reason by a notice of extension</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>依法应由其处理的机关（条例第二十二条）</source>
      <translation>The authority that should handle it by law (Regulations Art. 22)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>须在此前办结并报送办结报告</source>
      <translation>Must be closed and the closing report submitted by then</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>报送{0}，交办期限{1}</source>
      <translation>Submit to {0}, due {1}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>意见书送达信访人的日期，复查期限由此起算</source>
      <translation>The day the decision letter reached the petitioner; the review period starts then</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>交办期限不能早于交办日期</source>
      <translation>The assigned deadline cannot be before the assignment date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>回复期限不能早于督办日期</source>
      <translation>The reply deadline cannot be before the supervision date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>申诉求决类信访须出具信访处理意见书</source>
      <translation>An appeal or request petition needs a petition decision letter</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>请选择处理意见</source>
      <translation>Choose a decision</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>答复日期不能早于办结日期</source>
      <translation>The reply date cannot be before the closing date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>申请{0}</source>
      <translation>Apply for {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>应在登记之日起15日内转送（约{0}，遇节假日顺延）</source>
      <translation>Transfer within 15 days of registration (about {0}, later if holidays fall in between)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>{0}（{1}，{2}督办，{3}前回复）</source>
      <translation>{0} ({1}, supervised {2}, reply by {3})</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>不早于答复日期 {0}</source>
      <translation>Not before the reply date {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/petition.py" />
      <source>应在答复之日起30日内提出（最迟{0}）</source>
      <translation>Within 30 days of the reply (by {0} at the latest)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>请填写回访结果</source>
      <translation>Enter the follow-up result</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>记录调解</source>
      <translation>Record session</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>如：街道调解室</source>
      <translation>e.g. street mediation room</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>当事人、调解员及参与部门人员</source>
      <translation>Parties, mediators and staff of participating departments</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>调解记录</source>
      <translation>Mediation record</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>如：协议已履行，双方满意</source>
      <translation>e.g. agreement performed, both sides satisfied</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/records.py" />
      <source>记录调解（第{0}次）</source>
      <translation>Record session (no. {0})</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请填写理由</source>
      <translation>Enter the reason</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>不予受理后本件即告终结，不能再受理或办结。确定不予受理吗？</source>
      <translation>Once not accepted this case is finished and can no longer be accepted or closed. Do not accept it?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请写明延期的理由</source>
      <translation>State the reason for the extension</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>重新打开理由</source>
      <translation>Reason for reopening</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请写明重新打开的理由</source>
      <translation>State the reason for reopening</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>删除理由</source>
      <translation>Reason for deletion</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请写明删除的理由</source>
      <translation>State the reason for the deletion</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>删除后案件将不再出现在任何列表和统计中（操作记录保留）。确定删除吗？</source>
      <translation>A deleted case no longer appears in any list or figure (its history is kept). Delete it?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请填写承办人</source>
      <translation>Enter the handler</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请写明不予受理的理由</source>
      <translation>State the reason for not accepting</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>选择“其他”时请在说明中写明理由</source>
      <translation>When choosing "Other", state the reason in the note</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>分派承办人</source>
      <translation>Assign handler</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>请选择（依据《信访工作条例》）</source>
      <translation>Choose one (under the Petition Work Regulations)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>告知的机关</source>
      <translation>Authority to refer to</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>决定日期</source>
      <translation>Decided on</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>删除案件</source>
      <translation>Delete case</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>告知书按所选理由写明认定和告知的途径</source>
      <translation>The notice states the finding and the channel by the reason chosen</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>不填则在告知书上留空，由经办人填写</source>
      <translation>Empty: left blank on the notice for the clerk to fill in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>仅作记录，不写入告知书的句子；未选理由或选“其他”时须写明</source>
      <translation>For the record only, not written into the notice; required when no reason or "Other" is chosen</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>如：区人力资源和社会保障局</source>
      <translation>e.g. District Human Resources and Social Security Bureau</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>该理由无须填写</source>
      <translation>Not needed for this reason</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>延期只能一次，期限随之顺延。当前期限：{0}</source>
      <translation>A case can be extended only once; the deadline moves with it. Current deadline: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>受理日期不能晚于今天</source>
      <translation>The acceptance date cannot be after today</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>受理日期不能早于登记日期</source>
      <translation>The acceptance date cannot be before the registration date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/acts/simple.py" />
      <source>不早于登记日期 {0}</source>
      <translation>Not before the registration date {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份时间</source>
      <translation>Backed up at</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>案件数</source>
      <translation>Cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>确认恢复</source>
      <translation>Confirm restore</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>选择备份文件夹</source>
      <translation>Choose the backup folder</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>更改文件夹…</source>
      <translation>Change folder…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>还没有备份。点击「立即备份」做第一份备份。</source>
      <translation>No backups yet. Click "Back up now" to make the first one.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>恢复…</source>
      <translation>Restore…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>正在备份…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>正在备份</source>
      <translation>Backing up</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>正在恢复…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>程序每天自动备份一次（启动时和退出时），连同附件一起保存。备份文件夹可以选在 U 盘或共享文件夹上；恢复前，当前数据库会先另存一份。</source>
      <translation>The program backs up once a day by itself (at start and at exit), attachments included. The backup folder may be on a USB drive or a shared folder; before a restore the current database is saved aside first.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份文件夹：</source>
      <translation>Backup folder:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>服务器数据库请使用数据库自带的备份工具</source>
      <translation>For a server database use the database's own backup tools</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>正常</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份已取消，没有留下不完整的文件。</source>
      <translation>Backup cancelled; no incomplete file was left behind.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>操作失败</source>
      <translation>The operation failed</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>将用 {when} 的备份（{count} 件案件）替换当前数据库「{name}」。

· 当前数据库会先完整另存到备份文件夹的「before-restore」中，需要时可以找回；
· 该备份之后登记和修改的所有内容都将不再显示；
· 其他电脑或窗口如果正在使用这个数据库，请先关闭它们。

确定恢复吗？</source>
      <translation>The current database "{name}" will be replaced with the backup of {when} ({count} cases).

· The current database is first saved in full to "before-restore" in the backup folder, so it can be recovered;
· everything registered or changed after that backup will no longer be shown;
· if other computers or windows are using this database, close them first.

Restore?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>注意：这个备份中没有登录账户（备份于设置账户之前）。恢复后将保留当前的账户和密码，登录照常需要密码。</source>
      <translation>Note: this backup has no sign-in accounts (it was made before accounts were set up). After the restore the current accounts and passwords are kept, and signing in still needs a password.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>保留最近 {0} 天的每日备份和最近 {1} 个月的每月备份；升级前和恢复前的备份不会自动删除。</source>
      <translation>Daily backups of the last {0} days and monthly backups of the last {1} months are kept; backups made before an upgrade or a restore are never deleted automatically.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>已备份：{0}（{1} 件案件，{2}）</source>
      <translation>Backed up: {0} ({1} cases, {2})</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>恢复前的数据库已另存为 {0}。</source>
      <translation>The database before the restore was saved as {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份中没有登录账户：保留了当前的 {0} 个账户。</source>
      <translation>The backup had no sign-in accounts: the current {0} accounts were kept.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>无法使用：{0}</source>
      <translation>Unusable: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>已从 {0} 恢复，共 {1} 件案件。</source>
      <translation>Restored from {0}: {1} cases.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/backup_dialog.py" />
      <source>备份文件夹已改为 {0}</source>
      <translation>Backup folder changed to {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>单元格</source>
      <translation>Cell</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>模板中的内容</source>
      <translation>Content in the template</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>填入的值</source>
      <translation>Value filled in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>占位符</source>
      <translation>Placeholder</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>中文写法</source>
      <translation>Chinese form</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>含义</source>
      <translation>Meaning</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>选择模板</source>
      <translation>Choose template</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>保存填好的表格</source>
      <translation>Save the filled-in form</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>填报模板</source>
      <translation>Form templates</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>其他文件…</source>
      <translation>Other file…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>模板</source>
      <translation>Template</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>统计期间</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>预览</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>按所选期间计算每个占位符，先看一看再保存</source>
      <translation>Work out every placeholder for the chosen period; have a look before saving</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>保存…</source>
      <translation>Save…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>把填好的表格另存为 .xlsx（模板本身不会改变）</source>
      <translation>Save the filled-in form as a new .xlsx (the template itself is not changed)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>可用的占位符</source>
      <translation>Available placeholders</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>选择模板和期间，点击「预览」</source>
      <translation>Choose a template and a period, then click "Preview"</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>正在计算…</source>
      <translation>Calculating…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>正在保存…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>上月</source>
      <translation>Last month</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>本月</source>
      <translation>This month</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>本年</source>
      <translation>This year</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>在 Excel 表格的单元格中写入占位符，例如「{{disputes.received}}」或「办结率：{{信访.办结率}}」；方括号中写类别、街镇、来源、承办人或表格行的名称。</source>
      <translation>Write placeholders into the cells of the Excel sheet, e.g. "{{disputes.received}}" or "办结率：{{信访.办结率}}"; in square brackets write the name of a category, street/town, source, handler or form row.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>请填写统计期间的起止日期，例如 2026-03-05</source>
      <translation>Enter the start and end dates of the period, e.g. 2026-03-05</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>统计截止日期不能早于起始日期</source>
      <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>模板中没有占位符</source>
      <translation>The template has no placeholders</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>无法填写</source>
      <translation>Cannot fill in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>模板有 {0} 处问题，没有填写</source>
      <translation>The template has {0} problems; nothing was filled in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>已保存到 {0}</source>
      <translation>Saved to {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>已保存填好的表格：{0}</source>
      <translation>Filled-in form saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/form_dialog.py" />
      <source>共 {0} 个单元格将被填写</source>
      <translation>{0} cells will be filled in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>导入案件</source>
      <translation>Import cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>从表格导入案件</source>
      <translation>Import cases from a spreadsheet</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>文件的&lt;b&gt;第一行必须是列标题&lt;/b&gt;，每行一件案件；支持 .xlsx 和 .csv，列的顺序不限。&lt;br&gt;必填列：&lt;b&gt;类型、登记日期、当事人、类别、事项摘要&lt;/b&gt;；编号留空时自动编号。&lt;br&gt;先检查整个文件：只要有一处问题，就一件也不导入。</source>
      <translation>The &lt;b&gt;first row of the file must be the column headings&lt;/b&gt;, one case per row; .xlsx and .csv are supported, in any column order.&lt;br&gt;Required columns: &lt;b&gt;类型, 登记日期, 当事人, 类别, 事项摘要&lt;/b&gt;; an empty number is numbered automatically.&lt;br&gt;The whole file is checked first: if there is a single problem, nothing is imported.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>下载模板…</source>
      <translation>Download template…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>保存一个只有列标题的空白 Excel 模板，另附各列说明</source>
      <translation>Save an empty Excel template with only the column headings, plus notes on each column</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>文件：</source>
      <translation>File:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>请选择要导入的 .xlsx 或 .csv 文件</source>
      <translation>Choose the .xlsx or .csv file to import</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>选择文件…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>检查</source>
      <translation>Check</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>检查文件中的每一行，不写入任何数据</source>
      <translation>Check every row of the file without writing any data</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>复制问题列表</source>
      <translation>Copy problem list</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>导出问题列表…</source>
      <translation>Export problem list…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>选择文件后点击「检查」。&lt;br&gt;检查只读取文件，不会写入任何数据。</source>
      <translation>Choose a file, then click "Check".&lt;br&gt;Checking only reads the file and writes no data.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>导入完成</source>
      <translation>Import finished</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>点击「检查」检查文件中的每一行。&lt;br&gt;检查只读取文件，不会写入任何数据。</source>
      <translation>Click "Check" to check every row of the file.&lt;br&gt;Checking only reads the file and writes no data.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>选择要导入的文件</source>
      <translation>Choose the file to import</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>表格文件 (*.xlsx *.csv)</source>
      <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>正在检查…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>正在检查文件</source>
      <translation>Checking the file</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>正在导入…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>导出问题列表</source>
      <translation>Export problem list</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>CSV 文件 (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>保存导入模板</source>
      <translation>Save import template</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>案件导入模板.xlsx</source>
      <translation>Case import template.xlsx</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>填写说明</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>正在导入案件</source>
      <translation>Importing cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>行</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>列</source>
      <translation>Column</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>检查通过：可导入 {n} 件（信访件 {a} 件，矛盾纠纷 {b} 件）</source>
      <translation>Check passed: {n} cases can be imported ({a} petitions, {b} disputes)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>，其中 {k} 件将自动编号</source>
      <translation>, of which {k} will be numbered automatically</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>点击「导入」把它们写入数据库。</source>
      <translation>Click "Import" to write them to the database.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>已导入 {n} 件（信访件 {a} 件，矛盾纠纷 {b} 件），自动编号 {k} 件，新增人员 {m} 人</source>
      <translation>Imported {n} cases ({a} petitions, {b} disputes), {k} numbered automatically, {m} new people</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>✓ 已导入 {n} 件</source>
      <translation>✓ Imported {n} cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>新案件已出现在「信访件」和「矛盾纠纷」列表中；每件案件的办理过程都记下了「从 {name} 导入」。</source>
      <translation>The new cases are in the "Petitions" and "Disputes" lists; each case's history records "imported from {name}".</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>已取消检查。</source>
      <translation>Check cancelled.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>已取消导入，没有写入任何案件。</source>
      <translation>Import cancelled; no case was written.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>检查未完成：</source>
      <translation>Check not finished:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>导入未完成，没有写入任何案件：</source>
      <translation>Import not finished; no case was written:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>请处理上面的问题后重试。</source>
      <translation>Please deal with the problem above and try again.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>已复制 {n} 条问题到剪贴板。</source>
      <translation>Copied {n} problems to the clipboard.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>{name}-问题列表.csv</source>
      <translation>{name}-problems.csv</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>发现 {n} 处问题，未导入任何案件。请修改文件后重新检查。</source>
      <translation>Found {n} problems; no case was imported. Correct the file and check again.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>可以重新检查，或选择其他文件。</source>
      <translation>You can check again or choose another file.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>数据库保持导入前的样子。可以重新检查后再导入。</source>
      <translation>The database is as it was before the import. You can check again and then import.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>问题列表只显示前 {n} 处。</source>
      <translation>The problem list shows only the first {n}.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>问题列表已保存到 {path}</source>
      <translation>Problem list saved to {path}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>问题列表未能保存：{err}</source>
      <translation>The problem list could not be saved: {err}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>模板已保存到 {path}</source>
      <translation>Template saved to {path}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>模板未能保存：{err}</source>
      <translation>The template could not be saved: {err}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>信访件 {a} 件，矛盾纠纷 {b} 件</source>
      <translation>{a} petitions, {b} disputes</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_dialog.py" />
      <source>✓ 可导入 {n} 件</source>
      <translation>✓ {n} cases can be imported</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>案件</source>
      <translation>Cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>列名</source>
      <translation>Column name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>是否必填</source>
      <translation>Required</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>对方当事人</source>
      <translation>Other party</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>必填</source>
      <translation>Required</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>信访 或 纠纷</source>
      <translation>信访 or 纠纷</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>留空则导入时自动编号；填写的编号不能与已有编号重复</source>
      <translation>Empty: numbered automatically on import; a number given must not repeat an existing one</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>如 2026-03-05、2026/3/5、2026年3月5日</source>
      <translation>e.g. 2026-03-05, 2026/3/5, 2026年3月5日</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>不早于登记日期</source>
      <translation>Not before the registration date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>不早于受理日期；填写时须同时填写办理结果</source>
      <translation>Not before the acceptance date; when filled in, the outcome must be filled in too</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>信访：支持、解释说明、不予支持、转人民调解、不予受理；纠纷：调解成功、调解不成、终止调解</source>
      <translation>Petition: 支持, 解释说明, 不予支持, 转人民调解, 不予受理; dispute: 调解成功, 调解不成, 终止调解</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>是 或 否</source>
      <translation>是 or 否</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>信访人或申请人的姓名</source>
      <translation>Name of the petitioner or applicant</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>18位居民身份证号，校验位须正确</source>
      <translation>18-digit resident ID number with a correct check digit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>手机号或固定电话</source>
      <translation>Mobile or landline</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>纠纷的被申请人</source>
      <translation>The dispute's respondent</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>须是「设置 → 类别」中启用的名称</source>
      <translation>Must be an active name in "Settings → Categories"</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>信访：来信、来访、网上信访、来电、传真、上级交办；纠纷：当事人申请、主动排查、信访转入、委托移送</source>
      <translation>Petition: 来信, 来访, 网上信访, 来电, 传真, 上级交办; dispute: 当事人申请, 主动排查, 信访转入, 委托移送</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>是 或 否（信访件）</source>
      <translation>是 or 否 (petitions)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>是 或 否（调解成功的纠纷）</source>
      <translation>是 or 否 (successfully mediated disputes)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>不超过500字</source>
      <translation>At most 500 characters</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>不小于1的整数</source>
      <translation>A whole number of at least 1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_files.py" />
      <source>元，不小于0</source>
      <translation>Yuan, at least 0</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>案件信息</source>
      <translation>Case details</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>一句话写明诉求或纠纷，如：要求支付拖欠工资</source>
      <translation>The request or dispute in one sentence, e.g. asks for unpaid wages</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>人</source>
      <translation>people</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>涉及金额（元）</source>
      <translation>Amount involved (yuan)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>集体访</source>
      <translation>Group visit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source> 人</source>
      <translation> people</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>由工作人员代为提交并跟踪办理</source>
      <translation>Submitted and followed up by staff on the petitioner's behalf</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>信访渠道</source>
      <translation>Petition channel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>信访类别</source>
      <translation>Petition category</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>多人用顿号分隔</source>
      <translation>Separate several people with 、</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>事项摘要必须填写</source>
      <translation>The summary is required</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>请选择类别</source>
      <translation>Choose a category</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/case_form.py" />
      <source>登记日期不能晚于今天</source>
      <translation>The registration date cannot be after today</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>保存并关闭（Ctrl+S）</source>
      <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>保存并新建</source>
      <translation>Save and new</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>保存后接着登记下一件（Ctrl+Shift+S）</source>
      <translation>Save, then register the next one (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>关闭本窗口，打开刚保存的案件</source>
      <translation>Close this window and open the case just saved</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>打印受理告知书</source>
      <translation>Print acceptance notice</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>打开刚保存的案件并显示打印菜单（受理后可出具告知书）</source>
      <translation>Open the case just saved and show the print menu (the notice can be issued once accepted)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>继续登记</source>
      <translation>Continue registering</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>新建信访件</source>
      <translation>New petition</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>新建矛盾纠纷</source>
      <translation>New dispute</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>已全部修改，可以保存</source>
      <translation>All corrected; ready to save</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>放弃已填写的内容吗？</source>
      <translation>Discard what you have entered?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>已保存：{0}</source>
      <translation>Saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>有 {0} 处需要修改，见标红的项目</source>
      <translation>{0} fields need correcting (marked red)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>还有 {0} 处需要修改，见标红的项目</source>
      <translation>{0} more fields need correcting (marked red)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>该信访人已有同类信访（编号{0}），确认为重复信访并保存？</source>
      <translation>This petitioner already has a petition of the same kind (no. {0}). Save it as a repeat petition?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/dialog.py" />
      <source>该信访人的同类事项已复核终结（编号{0}）。依照《信访工作条例》，同一事实和理由提出的信访事项不再受理。仍要登记吗？（登记记录中会注明）</source>
      <translation>The same matter of this petitioner was closed after re-review (no. {0}). Under the Petition Work Regulations a matter with the same facts and reasons is not accepted again. Register it anyway? (The registration record will note this.)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/drafts.py" />
      <source>已登记过：</source>
      <translation>Registered before:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/drafts.py" />
      <source>有同名人员：</source>
      <translation>People with the same name:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/drafts.py" />
      <source>，暂无既往案件</source>
      <translation>, no earlier cases</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/drafts.py" />
      <source>姓名或名称必须填写</source>
      <translation>The name is required</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/drafts.py" />
      <source>，既往案件 {0} 件：</source>
      <translation>, {0} earlier cases:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>18位居民身份证号，自动识别性别和出生日期</source>
      <translation>18-digit resident ID number; sex and date of birth are recognised from it</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>出生日期</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>由身份证号识别</source>
      <translation>Recognised from the ID number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>调解协议书载明</source>
      <translation>Stated in the mediation agreement</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>（未填写）</source>
      <translation>(not filled in)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>（单位）</source>
      <translation>(organisation)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>至少需要一位{0}</source>
      <translation>At least one {0} is needed</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/parties.py" />
      <source>当事人{0}（{1}）：</source>
      <translation>Party {0} ({1}):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/person_lookup.py" />
      <source>⚠ 可能为重复信访</source>
      <translation>⚠ Possibly a repeat petition</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/person_lookup.py" />
      <source>使用此人</source>
      <translation>Use this person</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/intake/person_lookup.py" />
      <source>⚠ 重点人员：近12个月信访 {0} 件</source>
      <translation>⚠ Key person: {0} petitions in the last 12 months</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>退出程序</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>设置管理员账户</source>
      <translation>Set up the administrator account</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>设置后，每位工作人员用自己的账户登录，操作都记入操作日志，身份证号和电话按角色隐藏。
单人使用也可以暂不设置，以后在用户菜单中设置。</source>
      <translation>Once set up, every staff member signs in with their own account, every action is recorded in the audit log, and ID numbers and phones are masked by role.
A single user may skip this for now and set it up later from the user menu.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>创建并登录</source>
      <translation>Create and sign in</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>登录用，如 zhouzq</source>
      <translation>For signing in, e.g. zhouzq</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>如 周志强</source>
      <translation>e.g. Zhou Zhiqiang</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>至少8个字符</source>
      <translation>At least 8 characters</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>再输一次</source>
      <translation>Enter it again</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>暂不设置</source>
      <translation>Not now</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>不再提示（单人使用，不设密码）</source>
      <translation>Do not ask again (single user, no password)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>修改</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>原密码</source>
      <translation>Current password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>新密码</source>
      <translation>New password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>解锁</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>屏幕已锁定</source>
      <translation>Screen locked</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>登录 CaseDesk</source>
      <translation>Sign in to CaseDesk</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>请输入用户名和密码。
连续5次输错，账户需等待5分钟。</source>
      <translation>Enter your user name and password.
After 5 wrong attempts in a row the account must wait 5 minutes.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>请输入用户名</source>
      <translation>Enter the user name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>请输入密码</source>
      <translation>Enter the password</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>请输入 {0} 的密码以继续。</source>
      <translation>Enter the password of {0} to continue.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>两次输入的密码不一致</source>
      <translation>The two passwords do not match</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/login_dialog.py" />
      <source>请填写姓名</source>
      <translation>Enter the name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>导出上报包</source>
      <translation>Export report package</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>上报包 (*.zip)</source>
      <translation>Report packages (*.zip)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>选择要导入的上报包</source>
      <translation>Choose a report package to import</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>&lt;b&gt;上报包&lt;/b&gt;：单位把全部案件、当事人、办理过程和排查台账导出为一个文件，区里导入后按单位统计。可以重复导入，较新的案件替换旧的，不会重复。</source>
      <translation>&lt;b&gt;Report package&lt;/b&gt;: an office exports all its cases, parties, case histories and work log as one file; the district imports it and counts per office. It may be imported again: newer cases replace older ones, nothing is duplicated.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>导出上报包…</source>
      <translation>Export report package…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>把本单位的案件导出为上报包，交给区里导入</source>
      <translation>Export this office's cases as a report package for the district to import</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>导入上报包…</source>
      <translation>Import report package…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>区里：导入一个单位的上报包（重复导入不会重复）</source>
      <translation>District: import an office's report package (importing it again duplicates nothing)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>正在导出上报包</source>
      <translation>Exporting the report package</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>（新单位）</source>
      <translation> (new office)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>{name}还没有单位代码。上报包须带单位代码，区里凭它认出本单位。
请填写区里统一分配的代码（如 A01；字母、数字或 _ . -）：</source>
      <translation>{name} has no office code yet. A report package must carry it: the district recognises the office by it.
Enter the code the district assigned (e.g. A01; letters, digits or _ . -):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>已取消，没有写入任何内容。</source>
      <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>未导出：上报包须带单位代码。</source>
      <translation>Not exported: a report package must carry the office code.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>上报包-{code}-{day}.zip</source>
      <translation>package-{code}-{day}.zip</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>正在导入上报包</source>
      <translation>Importing the report package</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>只有管理员可以导出或导入上报包</source>
      <translation>Only an administrator may export or import report packages</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>✓ 已导出上报包 {file}：{name}（{code}），案件 {n} 件，排查台账 {w} 条。请把这个文件交给区里导入。</source>
      <translation>✓ Exported report package {file}: {name} ({code}), {n} cases, {w} work-log entries. Give this file to the district to import.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_panel.py" />
      <source>✓ 已导入上报包：{name}（{code}）{made}，案件 {n} 件：新增 {a} 件，更新 {r} 件，未变 {u} 件；新增当事人 {p} 人；排查台账新增 {wa} 条，更新 {wu} 条。</source>
      <translation>✓ Imported the report package of {name} ({code}){made}: {n} cases, {a} added, {r} updated, {u} unchanged; {p} new parties; work log {wa} added, {wu} updated.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>数据库口令</source>
      <translation>Database passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>数据库已加密</source>
      <translation>The database is encrypted</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>文件已损坏？从备份恢复</source>
      <translation>File damaged? Restore from a backup</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>请输入口令</source>
      <translation>Enter the passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>口令不正确</source>
      <translation>Wrong passphrase</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/passphrase_dialog.py" />
      <source>请输入办公室的数据库口令以打开「{0}」。</source>
      <translation>Enter the office's database passphrase to open "{0}".</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>单位信息设置</source>
      <translation>Office setup</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>跳过</source>
      <translation>Skip</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>不保存，以后可在 设置 → 单位信息 中填写</source>
      <translation>Nothing is saved; fill it in later under Settings → Office</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>上一步</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>下一步</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>单位信息</source>
      <translation>Office</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>这些名称印在调解协议书、告知书和统计报表上。</source>
      <translation>These names are printed on mediation agreements, notices and reports.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>如：马鞍街道矛盾纠纷调解办</source>
      <translation>e.g. Ma'an Street Dispute Mediation Office</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>全称，如：马鞍街道人民调解委员会</source>
      <translation>Full name, e.g. Ma'an Street People's Mediation Committee</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>如：马鞍街道办事处；留空则使用单位名称</source>
      <translation>e.g. Ma'an Street Office; empty: the office name is used</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>如：周志强</source>
      <translation>e.g. Zhou Zhiqiang</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>手机或固定电话，如：023-72281234</source>
      <translation>Mobile or landline, e.g. 023-72281234</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>人民调解委员会全称</source>
      <translation>Full name of the people's mediation committee</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>信访事项处理机关</source>
      <translation>Petition handling authority</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>联系人</source>
      <translation>Contact person</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>联系人和联系电话印在告知书上，方便信访人询问。</source>
      <translation>The contact person and phone are printed on notices, so petitioners can ask.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>编号格式</source>
      <translation>Number formats</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>新登记的案件按这里的格式自动编号，顺序号每年从1开始。</source>
      <translation>New cases are numbered automatically in this format; the sequence starts at 1 each year.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>{year} 填入登记年份；{seq:04d} 填入四位顺序号（不足四位前面补0），{seq} 不补0。</source>
      <translation>{year} is the registration year; {seq:04d} the four-digit sequence number (zero-padded), {seq} without padding.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>登记案件时从中选择街镇（也可以直接输入）。</source>
      <translation>Registering a case offers these streets/towns (or type one in).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>每行一个，如：马鞍街道</source>
      <translation>One per line, e.g. Ma'an Street</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>每行一个；以后可在 设置 → 街镇与人员 中修改。</source>
      <translation>One per line; change them later under Settings → Streets and staff.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>受理、分派时从中选择承办人。</source>
      <translation>Accepting and assigning offer these handlers.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>其他承办人，每行一个，如：李明</source>
      <translation>Other handlers, one per line, e.g. Li Ming</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>其他承办人</source>
      <translation>Other handlers</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>点「完成」保存全部设置；以后可在 设置 中修改。</source>
      <translation>Click "Done" to save all settings; change them later under Settings.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>答复信访事项的机关，署名在受理告知书上</source>
      <translation>The authority that replies to petitions; it signs the acceptance notice</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>信访件编号</source>
      <translation>Petition numbers</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>矛盾纠纷编号</source>
      <translation>Dispute numbers</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>第 {0} 步，共 {1} 步</source>
      <translation>Step {0} of {1}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>{0}（本人）也是承办人</source>
      <translation>{0} (yourself) is a handler too</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/setup_wizard.py" />
      <source>示例：{0}</source>
      <translation>Example: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>如：李红、周志强</source>
      <translation>e.g. Li Hong, Zhou Zhiqiang</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>修改排查记录</source>
      <translation>Edit screening entry</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>新增排查记录</source>
      <translation>New screening entry</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>选「全区」表示不限街镇</source>
      <translation>"Whole district" means no particular street/town</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>发现的纠纷请另行登记为矛盾纠纷（来源：主动排查）</source>
      <translation>Register the disputes found separately as disputes (source: Proactive screening)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>本月该范围内排查未发现矛盾纠纷时，录入一条零上报记录。</source>
      <translation>When screening in this area finds no dispute this month, enter a zero report.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/worklog_dialog.py" />
      <source>{0}年{1}月</source>
      <translation>{1}/{0}</translation>
    </message>
    <message>
      <location filename="../../ui/i18n.py" />
      <source>今天到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <location filename="../../ui/i18n.py" />
      <source>超期{0}天</source>
      <translation>{0} days overdue</translation>
    </message>
    <message>
      <location filename="../../ui/i18n.py" />
      <source>剩{0}天</source>
      <translation>{0} days left</translation>
    </message>
    <message>
      <location filename="../../ui/i18n.py" />
      <source>中文</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_cells.py" />
      <source>重复</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_cells.py" />
      <source>期限 {0}</source>
      <translation>Deadline {0}</translation>
    </message>
    <message>
      <location filename="../../ui/models/case_cells.py" />
      <source>（已延期）</source>
      <translation>(extended)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>用户</source>
      <translation>User</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>案件编号</source>
      <translation>Case number</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>变更</source>
      <translation>Changes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>导出操作日志</source>
      <translation>Export audit log</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>Excel 文件 (*.xlsx)</source>
      <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>操作日志</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>全部用户</source>
      <translation>All users</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>全部操作</source>
      <translation>All actions</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>留空表示至今</source>
      <translation>Empty means up to today</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>查询</source>
      <translation>Search</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>导出…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>把当前筛选的操作日志导出为 Excel</source>
      <translation>Export the audit log as filtered to Excel</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>正在导出操作日志</source>
      <translation>Exporting the audit log</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>每一次办理操作、登录、导出、打印和查看个人信息都记录在此，不能修改或删除。</source>
      <translation>Every case action, sign-in, export, print and view of personal data is recorded here and cannot be changed or deleted.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>已导出 {0} 条</source>
      <translation>Exported {0} entries</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" />
      <source>共 {0} 条</source>
      <translation>{0} entries</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>导出案件</source>
      <translation>Export cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
      <translation>Excel workbook (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>正在导出</source>
      <translation>Exporting</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>正在生成打印件</source>
      <translation>Preparing the printout</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>分派案件</source>
      <translation>Assign cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>承办人姓名</source>
      <translation>Handler's name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>将选中的 {0} 件案件分派给：</source>
      <translation>Assign the {0} selected cases to:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>已将 {0} 件案件分派给 {1}</source>
      <translation>{0} cases assigned to {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/bulk.py" />
      <source>已导出 {0} 件案件到 {1}</source>
      <translation>Exported {0} cases to {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>办理</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>按期办结</source>
      <translation>Closed on time</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>超期未结</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>已录入</source>
      <translation>Entered</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>调结</source>
      <translation>Settled</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>未办结</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>编号/姓名/事项</source>
      <translation>Number/name/matter</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>不勾选时不限登记日期</source>
      <translation>Unticked: any registration date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>不限</source>
      <translation>Any</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>仅当前超期</source>
      <translation>Overdue only</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>清除筛选</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>调解中</source>
      <translation>Mediating</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>即将到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>另加条件：</source>
      <translation>Also:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>统计口径「{0}」{1}～{2}</source>
      <translation>Figure "{0}" {1}–{2}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>来源：{0}</source>
      <translation>Source: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>办理结果：{0}</source>
      <translation>Outcome: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/filter_bar.py" />
      <source>状态：{0}</source>
      <translation>Status: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>新建信访</source>
      <translation>New petition</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>新建纠纷</source>
      <translation>New dispute</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>正在加载…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>分派…</source>
      <translation>Assign…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>把选中的案件分派给承办人</source>
      <translation>Assign the selected cases to a handler</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>把当前列表中的案件导出为 Excel 文件</source>
      <translation>Export the cases in this list to an Excel file</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>打印列表</source>
      <translation>Print list</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>按当前筛选和排序打印列表（横向A4）</source>
      <translation>Print the list as filtered and sorted (A4 landscape)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>没有符合条件的案件</source>
      <translation>No cases match</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>列表中没有案件，无需导出</source>
      <translation>The list has no cases to export</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>列表中没有案件，无需打印</source>
      <translation>The list has no cases to print</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>共 {0} 件</source>
      <translation>{0} cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_list/page.py" />
      <source>还没有案件，点击「{0}」开始</source>
      <translation>No cases yet; click "{0}" to start</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>不是您承办或参与调解的案件</source>
      <translation>Not a case you handle or mediate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>已经延期过一次，不能再次延期</source>
      <translation>Already extended once; it cannot be extended again</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>只有调解成功的纠纷需要回访</source>
      <translation>Only successfully mediated disputes need a follow-up</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>只有已办结的案件可以重新打开</source>
      <translation>Only closed cases can be reopened</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>请先受理</source>
      <translation>Accept it first</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>已标记为录入信访信息系统</source>
      <translation>Marked as entered in the petition information system</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>当前状态为「{0}」，不能{1}</source>
      <translation>The status is "{0}": cannot {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>更多</source>
      <translation>More</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>删除案件…</source>
      <translation>Delete case…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/act_bar.py" />
      <source>{0}件应在30日内提出意见，不能延期</source>
      <translation>{0} must be answered within 30 days and cannot be extended</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>未标记</source>
      <translation>Not set</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>选择附件</source>
      <translation>Choose attachments</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>所有文件 (*)</source>
      <translation>All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>还没有附件。点击「添加…」选择来信扫描件、协议书等文件。</source>
      <translation>No attachments yet. Click "Add…" to choose scanned letters, agreements and other files.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>标记类别</source>
      <translation>Set type</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>添加…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>添加附件时标记的类别（卷宗按类别排列附件）</source>
      <translation>The type given when the attachment was added (the dossier orders attachments by type)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>文件名</source>
      <translation>File name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>添加时间</source>
      <translation>Added at</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>添加人</source>
      <translation>Added by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>不是您承办或参与调解的案件，不能标记附件类别</source>
      <translation>Not a case you handle or mediate: you cannot set attachment types</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>请先选中一个附件</source>
      <translation>Select an attachment first</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>标记所选附件在卷宗中的类别（身份证明、委托书、证据、履行凭证、其他）</source>
      <translation>Set the dossier type of the selected attachment (proof of identity, power of attorney, evidence, proof of performance, other)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>清除标记</source>
      <translation>Clear type</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/attachments.py" />
      <source>{0}账户不能标记附件类别</source>
      <translation>A {0} account cannot set attachment types</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>集体访填写人数</source>
      <translation>Number of people in a group visit</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>信访代理件</source>
      <translation>Petition by agent</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>答复满意度</source>
      <translation>Satisfaction with the reply</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>把刚保存的修改改回原来的内容（作为一次新的修改记入办理经过）</source>
      <translation>Change the edit just saved back (recorded as a new edit in the history)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>放弃修改</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>重新载入案件，放弃未保存的修改</source>
      <translation>Reload the case, discarding unsaved changes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>保存修改</source>
      <translation>Save changes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>已撤销</source>
      <translation>Undone</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>有未保存的修改</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>无法撤销：{0}</source>
      <translation>Cannot undo: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>。点击「放弃修改」载入最新内容后再修改。</source>
      <translation>. Click "Discard changes" to load the latest content, then edit again.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/basic_info.py" />
      <source>{0}。

要用您的修改覆盖吗？只保存您改动的项目，对方改动的其他项目保留。</source>
      <translation>{0}.

Overwrite with your changes? Only the fields you changed are saved; the other person's other changes are kept.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>受理期限</source>
      <translation>Acceptance deadline</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>案件无法打开</source>
      <translation>The case cannot be opened</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>已过期</source>
      <translation>Expired</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>（告知途径：{0}）</source>
      <translation>(advised channel: {0})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>结果：{0}</source>
      <translation>Result: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>承办人：{0}</source>
      <translation>Handler: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>未分派</source>
      <translation>Not assigned</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>当事人：{0}</source>
      <translation>Parties: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>风险等级：{0}</source>
      <translation>Risk grade: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>预防成效：{0}</source>
      <translation>Prevention: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>　此前同类信访：{0}</source>
      <translation>　Earlier petitions of the same kind: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>已转人民调解：{0}</source>
      <translation>Referred to mediation: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>由信访件转入：{0}</source>
      <translation>Transferred from petition: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/header.py" />
      <source>司法确认申请期限：{0}（{1}）</source>
      <translation>Judicial confirmation application deadline: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>未申请司法确认</source>
      <translation>Judicial confirmation not applied for</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>还没有调解记录。受理后点击「记录调解」登记每次调解。</source>
      <translation>No mediation sessions yet. Once accepted, click "Record session" to record each session.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>调解成功办结后，系统按期限安排回访。</source>
      <translation>Once closed as successfully mediated, a follow-up is scheduled.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>协议尚未履行</source>
      <translation>Agreement not yet performed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>司法确认：{0}向{1}申请</source>
      <translation>Judicial confirmation: applied on {0} to {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>，待法院结果</source>
      <translation>, awaiting the court's result</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>次数</source>
      <translation>Session</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>应回访日期</source>
      <translation>Follow-up due</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>调解成功办结后可记录协议履行和司法确认情况。</source>
      <translation>Once closed as successfully mediated, agreement performance and judicial confirmation can be recorded.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>，{0}{1}</source>
      <translation>, {0}{1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>未回访</source>
      <translation>No follow-up yet</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>未申请司法确认（申请期限至{0}）</source>
      <translation>Judicial confirmation not applied for (deadline {0})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>第{0}次</source>
      <translation>No. {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>还没有调解协议。调解达成一致后，点击「记录协议」登记协议内容。</source>
      <translation>No mediation agreement yet. Once the parties agree, click "Record agreement" to record it.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/mediation.py" />
      <source>（{0}）</source>
      <translation>({0})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>正在载入……</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>请先在下表中选择一位当事人</source>
      <translation>Choose a party in the table below first</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>显示</source>
      <translation>Show</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>显示完整的身份证号和电话（将记入操作日志）</source>
      <translation>Show the full ID number and phone (recorded in the audit log)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>您的账户无权{0}</source>
      <translation>Your account may not {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>{0}是本案唯一的{1}，不能移除</source>
      <translation>{0} is the only {1} of this case and cannot be removed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>（单位{0}）</source>
      <translation>(organisation{0})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>已办结的案件不能{0}；如需更正，请先重新打开</source>
      <translation>A closed case cannot {0}; to correct it, reopen it first</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/parties.py" />
      <source>，法定代表人：{0}</source>
      <translation>, legal representative: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>（超过15日转送期限）</source>
      <translation>(past the 15-day transfer limit)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>复核意见为终结意见</source>
      <translation>The re-review decision is final</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>待回复</source>
      <translation>Awaiting reply</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>尚无转送、交办、督办、答复等记录。可用上方的按钮办理。</source>
      <translation>No transfer, assignment, supervision or reply yet. Use the buttons above.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0} 已报送</source>
      <translation>{0} submitted</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>尚未报送（办结前须报送）</source>
      <translation>Not submitted yet (required before closing)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0} 已回复：{1}</source>
      <translation>{0} replied: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>可申请{0}至 {1}</source>
      <translation>{0} can be applied for until {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0}件</source>
      <translation>{0} case</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>对 &lt;a href='case:{0}'&gt;{1}&lt;/a&gt; 答复意见的{2}申请</source>
      <translation>{2} application against the reply to &lt;a href='case:{0}'&gt;{1}&lt;/a&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0}{1}，{2}交办，期限 {3}；办结报告：{4}</source>
      <translation>{0}{1}, assigned {2}, due {3}; closing report: {4}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>回复已逾期</source>
      <translation>Reply overdue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0}，{1}督办，{2}前回复；{3}</source>
      <translation>{0}, supervised {1}, reply by {2}; {3}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0}于{1}批准，期限由 {2} 延至 {3}；理由：{4}</source>
      <translation>Approved by {0} on {1}, deadline moved from {2} to {3}; reason: {4}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/petition_tab.py" />
      <source>{0}，{1}送达；{2}</source>
      <translation>{0}, delivered {1}; {2}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>卷宗缺少必备材料</source>
      <translation>The dossier lacks required material</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>仍然打印</source>
      <translation>Print anyway</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>仍然打印时，缺项将列在卷宗情况说明中。</source>
      <translation>When printed anyway, the missing items are listed in the dossier's statement.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>打印本案文书（Ctrl+P）</source>
      <translation>Print this case's documents (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>正在生成卷宗</source>
      <translation>Preparing the dossier</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>打印卷宗…</source>
      <translation>Print dossier…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/printing.py" />
      <source>本案卷宗缺少以下必备材料：</source>
      <translation>This case's dossier lacks the following required material:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/process.py" />
      <source>操作人</source>
      <translation>By</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/related.py" />
      <source>相关案件 {0}件（可能是同一事项或群体性事件的苗头，请留意）</source>
      <translation>{0} related cases (possibly the same matter or an emerging group incident; please take note)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/related.py" />
      <source>另有 {0} 件未列出</source>
      <translation>{0} more not listed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>基本信息</source>
      <translation>Details</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>办理过程</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>协议与履行</source>
      <translation>Agreement and performance</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>← 返回列表</source>
      <translation>← Back to list</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>返回案件列表（Esc）</source>
      <translation>Back to the case list (Esc)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/case_view/view.py" />
      <source>信访程序</source>
      <translation>Petition procedure</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>保存图表</source>
      <translation>Save chart</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>把这张图保存为 PNG 图片</source>
      <translation>Save this chart as a PNG image</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>点击扇区查看该结果的已办结案件</source>
      <translation>Click a slice to see the closed cases with that outcome</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>近12个月登记与办结</source>
      <translation>Registered and closed, last 12 months</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>办结结果</source>
      <translation>Outcomes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>按类别登记</source>
      <translation>Registered by category</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>按街镇登记</source>
      <translation>Registered by street/town</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>办结率（右轴）</source>
      <translation>Closure rate (right axis)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>{0}月</source>
      <translation>Month {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>{0}～{1}</source>
      <translation>{0}–{1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>点击柱形查看该月登记或办结的{0}</source>
      <translation>Click a bar to see the {0} registered or closed that month</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>{0}  办结 {1} 件</source>
      <translation>{0}  {1} closed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>{0}  登记 {1} 件</source>
      <translation>{0}  {1} registered</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/chart_grid.py" />
      <source>点击柱形查看该{0}在本期登记的案件</source>
      <translation>Click a bar to see the cases of that {0} registered in this period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>上年</source>
      <translation>Last year</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>自定义…</source>
      <translation>Custom…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>PNG 图片 (*.png)</source>
      <translation>PNG images (*.png)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>统计概览</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>正在更新…</source>
      <translation>Updating…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>图表已保存</source>
      <translation>Chart saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>图表期间</source>
      <translation>Chart period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>起始日期不能晚于截止日期</source>
      <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>{0}：本月至今 {1}（与上月同期比较），本年至今 {2}（与上年同期比较）。点击任一数字、柱形或扇区，即可查看它所统计的案件。</source>
      <translation>{0}: month to date {1} (against the same days last month), year to date {2} (against the same days last year). Click any number, bar or slice to see the cases it counts.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>排查台账（{0}）：排查 {1} 次，发现纠纷 {2} 件，安保维稳 {3} 次</source>
      <translation>Screening log ({0}): {1} screenings, {2} disputes found, {3} security and stability duties</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/page.py" />
      <source>无法写入文件：{0}</source>
      <translation>Cannot write the file: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>办结率</source>
      <translation>Closure rate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>按期办结率</source>
      <translation>On-time closure rate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>录入完成率</source>
      <translation>Entry rate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>调解成功率</source>
      <translation>Mediation success rate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>纠纷调解率</source>
      <translation>Dispute mediation rate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>期内超期未结</source>
      <translation>Overdue in period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>成功+不成</source>
      <translation>Succeeded + failed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>上期无数据</source>
      <translation>No data last period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>持平</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>本月至今</source>
      <translation>Month to date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>本年至今</source>
      <translation>Year to date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>上月同期</source>
      <translation>Same days last month</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>上年同期</source>
      <translation>Same days last year</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>{0}{1} 件</source>
      <translation>{0}{1} cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>{0}{1}个百分点</source>
      <translation>{0}{1} pts</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>未办结且已超过办理期限的{0}（截至 {1}）</source>
      <translation>{0} not closed and past the deadline (as of {1})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>{0}{1}{2}的{3}</source>
      <translation>{2} of {3} ({0}{1})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>{0}：{1}
{2}（{3}）：{4}
点击查看{5}，共 {6} 件</source>
      <translation>{0}: {1}
{2} ({3}): {4}
Click to see the {5}, {6} cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/dashboard/tiles.py" />
      <source>截至 {0}</source>
      <translation>As of {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>月度统计报表</source>
      <translation>Monthly report</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>年度统计报告</source>
      <translation>Annual report</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>自定义期间</source>
      <translation>Custom period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>导出Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>统计报表</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>起始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>截止日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>可不填，打印后手写</source>
      <translation>Optional</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>填表人</source>
      <translation>Prepared by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>审核人</source>
      <translation>Checked by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>生成</source>
      <translation>Generate</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>按所选期间生成报表（Enter）</source>
      <translation>Generate the report for the chosen period (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>填报模板…</source>
      <translation>Form templates…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>把统计数字填入上级下发的 Excel 表格（如矛盾纠纷排查情况表）</source>
      <translation>Fill the figures into an Excel form sent down by a superior (e.g. the dispute screening table)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>选择报表类型和期间，点击「生成」</source>
      <translation>Choose a report type and a period, then click "Generate"</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>报表包括主要指标、分类统计、各月趋势图和超期未结案件清单，生成后可以在这里预览、打印、另存为 PDF 或导出 Excel。</source>
      <translation>The report has the main figures, breakdowns, monthly trend charts and the list of overdue open cases; once generated it can be previewed, printed, saved as PDF or exported to Excel here.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>导出Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>把报表中的各张统计表导出为 Excel 工作簿</source>
      <translation>Export the report's tables as an Excel workbook</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source> 年</source>
      <translation> </translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>正在生成报表</source>
      <translation>Generating the report</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>报表没有生成</source>
      <translation>The report was not generated</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>没有导出</source>
      <translation>Nothing exported</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>{0}至{1}统计报表</source>
      <translation>Report {0} to {1}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>报表类型</source>
      <translation>Report type</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>署名</source>
      <translation>Signatures</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>截止日期不能早于起始日期</source>
      <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>{0}年{1}月统计报表</source>
      <translation>Report for {1}/{0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>{0}年度统计报告</source>
      <translation>Annual report {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>按月统计登记、办理、办结等指标，附近12个月趋势和月末超期未结案件。</source>
      <translation>Monthly figures for registration, handling and closing, with the 12-month trend and the cases overdue at month end.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>全年总体情况（年度表述）、各项指标、各月情况和与上年的比较。</source>
      <translation>The year as a whole (annual wording), all figures, each month and the comparison with last year.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>任意期间的统计，格式与月度统计报表相同。</source>
      <translation>Figures for any period, in the same layout as the monthly report.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>{0} · 共 {1} 页 · 生成用时 {2:.1f} 秒</source>
      <translation>{0} · {1} pages · generated in {2:.1f} s</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>报表已生成：{0}</source>
      <translation>Report generated: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" />
      <source>已导出到 {0}</source>
      <translation>Exported to {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>可按编号、姓名、拼音首字母、电话后四位查找</source>
      <translation>Search by number, name, pinyin initials or last four digits of a phone</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>匹配项</source>
      <translation>Match</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>查找案件</source>
      <translation>Find cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>编号、当事人姓名、拼音首字母（如 zs）、电话后四位或事项摘要</source>
      <translation>Number, party name, pinyin initials (e.g. zs), last four digits of a phone, or summary</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>在信访件和矛盾纠纷中一起查找</source>
      <translation>Searches petitions and disputes together</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>正在查找…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>输入要查找的内容。</source>
      <translation>Enter what to look for. </translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>找到很多案件，只显示最近的 {0} 件；请输入更多内容缩小范围</source>
      <translation>Many cases found; only the latest {0} are shown. Type more to narrow it down</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>找到 {0} 件（信访件和矛盾纠纷）</source>
      <translation>{0} found (petitions and disputes)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/search.py" />
      <source>没有找到「{0}」；</source>
      <translation>Nothing found for "{0}"; </translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/diversion_tab.py" />
      <source>信访件办结为「转人民调解」时，按信访类别预先选好新登记纠纷的类型；办结时仍可改选。未列出的类别预选「其他纠纷」。</source>
      <translation>When a petition is closed as "Referred to mediation", the new dispute's type is preselected from the petition category; it can still be changed when closing. Categories not listed preselect "Other dispute".</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/diversion_tab.py" />
      <source>预选的纠纷类型</source>
      <translation>Preselected dispute type</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>本机未安装{0}字体，文书暂用相近字体印制；如需符合公文格式，请安装后重新打开本程序。</source>
      <translation>The {0} fonts are not installed on this computer; documents are printed with similar faces for now. For the official document format, install them and open the program again.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>（相近字体）</source>
      <translation> (similar face)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>（未嵌入）</source>
      <translation> (not embedded)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>，描边加粗</source>
      <translation>, stroked bold</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>文书字体</source>
      <translation>Document fonts</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>正在查找本机字体…</source>
      <translation>Looking for fonts on this computer…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/fonts_box.py" />
      <source>无法读取本机字体：{0}</source>
      <translation>Cannot read the fonts on this computer: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/forms_tab.py" />
      <source>上级下发的矛盾纠纷排查情况表按它自己的类别统计。这里为本单位的每一种纠纷类型选择它计入表中的哪一行；选「不计入」的类型不计入任何一行。模板中用「{{form[行名].disputes.received}}」取某一行的数字。</source>
      <translation>A superior's dispute screening table counts by its own categories. Choose here which row of the table each of this office's dispute types is counted in; types set to "Not counted" are counted in no row. In a template, "{{form[行名].disputes.received}}" takes the figure of one row.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/forms_tab.py" />
      <source>按程序默认的对应关系重新选择（保存设置后生效）</source>
      <translation>Choose again by the program's default mapping (takes effect once settings are saved)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/forms_tab.py" />
      <source>计入表格中的行</source>
      <translation>Row in the form</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/forms_tab.py" />
      <source>（不计入）</source>
      <translation>(not counted)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>元旦</source>
      <translation>New Year's Day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>春节</source>
      <translation>Spring Festival</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>清明节</source>
      <translation>Qingming Festival</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>劳动节</source>
      <translation>Labour Day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>端午节</source>
      <translation>Dragon Boat Festival</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>中秋节</source>
      <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>国庆节</source>
      <translation>National Day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>放假开始</source>
      <translation>Holiday starts</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>放假结束</source>
      <translation>Holiday ends</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>调休上班日</source>
      <translation>Make-up working days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>第{0}行（{1}）</source>
      <translation>Row {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>未命名</source>
      <translation>Unnamed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>还没有填写任何放假日期</source>
      <translation>No holiday dates entered yet</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>「{0}」不是日期，应写成 {1}-10-01 或 10-01</source>
      <translation>"{0}" is not a date; write {1}-10-01 or 10-01</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>{0} 年节假日安排</source>
      <translation>Holidays {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>「{0}」不是有效的日期</source>
      <translation>"{0}" is not a valid date</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>放假结束早于开始</source>
      <translation>The holiday ends before it starts</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>放假超过31天</source>
      <translation>The holiday is longer than 31 days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>按国务院办公厅关于 {0} 年部分节假日安排的通知填写。</source>
      <translation>Fill in from the State Council General Office's notice on the {0} holidays.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holiday_year_dialog.py" />
      <source>日期写成 10-01 或 {0}-10-01；放假含其中的周末；调休上班日是要上班的周六或周日，多个用顿号分开。整行留空的节日不放假。</source>
      <translation>Write dates as 10-01 or {0}-10-01; a holiday includes the weekends in it; make-up working days are the Saturdays or Sundays worked, several separated by 、. A festival whose row is left empty has no holiday.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>{0} 年：放假 {1} 天（含其中的周末），调休上班 {2} 天。</source>
      <translation>{0}: {1} days off (weekends included), {2} make-up working days.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>添加或修改本年安排…</source>
      <translation>Add or edit this year's holidays…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>按国务院办公厅的通知填写放假日期和调休上班日</source>
      <translation>Fill in the holidays and make-up working days from the State Council General Office's notice</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>导入文件…</source>
      <translation>Import file…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>从 .csv 或 .json 导入（列：日期,类型,名称）</source>
      <translation>Import from .csv or .json (columns: 日期,类型,名称)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>在月历中点选一天</source>
      <translation>Click a day in the calendar</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>名称，如 国庆节</source>
      <translation>Name, e.g. National Day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>标为放假</source>
      <translation>Mark as holiday</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>标为调休上班</source>
      <translation>Mark as make-up working day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>取消标记</source>
      <translation>Clear mark</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>导入节假日安排</source>
      <translation>Import holidays</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>节假日文件 (*.csv *.json)</source>
      <translation>Holiday files (*.csv *.json)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>{0} 年尚未添加节假日安排：期限只按周末顺延。</source>
      <translation>No holidays entered for {0} yet: deadlines move only past weekends.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>年份</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>期限的最后一天是法定休假日的，以休假日结束的次日为期限的最后一天（民法典第二百零三条）。周六、周日为休息日，调休上班的除外。修改后，未结案件的期限随即重新计算；已办结的案件保持办结时的期限。</source>
      <translation>When the last day of a period is a public holiday, the period ends on the day after the holiday (Civil Code Art. 203). Saturdays and Sundays are rest days, except make-up working days. After a change the deadlines of open cases are recalculated at once; closed cases keep the deadline they closed with.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>周末</source>
      <translation>Weekend</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>放假</source>
      <translation>Holiday</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>调休上班</source>
      <translation>Make-up working day</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>已保存：{0} 件未结案件的期限有变化。</source>
      <translation>Saved: the deadlines of {0} open cases changed.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>把 {0} {1}{2}？
未结案件的期限将按新的安排重新计算。</source>
      <translation>{1}: {0}{2}?
The deadlines of open cases will be recalculated.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>用这份安排替换 {0} 年的节假日？
{1}
未结案件的期限将按新的安排重新计算。</source>
      <translation>Replace the holidays of {0} with this schedule?
{1}
The deadlines of open cases will be recalculated.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>导入后这些年份整年替换：
{0}
未结案件的期限将按新的安排重新计算。</source>
      <translation>The import replaces these years as a whole:
{0}
The deadlines of open cases will be recalculated.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>{0}（星期{1}）：{2} {3}</source>
      <translation>{0} ({1}): {2} {3}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>{0} 周末</source>
      <translation>{0} weekend</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>重启后生效。打印的文书始终为中文。</source>
      <translation>Takes effect after a restart. Printed documents are always in Chinese.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>界面语言（仅本机）</source>
      <translation>Interface language (this computer)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>界面语言</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>已保存，重启 CaseDesk 后生效。打印的文书始终为中文。</source>
      <translation>Saved; takes effect when CaseDesk is restarted. Printed documents are always in Chinese.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/language_box.py" />
      <source>跟随系统</source>
      <translation>System default</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>信访受理告知</source>
      <translation>Petition acceptance notice</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>自登记次日起算，决定是否受理并告知信访人</source>
      <translation>From the day after registration: decide on acceptance and tell the petitioner</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>信访办理</source>
      <translation>Petition handling</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>自受理次日起算</source>
      <translation>From the day after acceptance</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>信访延期</source>
      <translation>Petition extension</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>延期一次增加的天数</source>
      <translation>Days added by one extension</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>纠纷调解</source>
      <translation>Dispute mediation</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>自受理次日起算，一般在一个月内调结</source>
      <translation>From the day after acceptance; usually settled within a month</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>纠纷延期</source>
      <translation>Dispute extension</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>司法确认申请</source>
      <translation>Judicial confirmation application</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>自调解协议签订次日起算</source>
      <translation>From the day after the mediation agreement is signed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>调解成功后回访</source>
      <translation>Follow-up after successful mediation</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>自办结次日起算</source>
      <translation>From the day after closing</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>即将到期提醒</source>
      <translation>Due-soon reminder</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>剩余天数不超过此数时，列表中标为即将到期</source>
      <translation>Cases with this many days left or fewer are marked due soon in the lists</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>群体性事件预警（工作台提示，不影响办理）</source>
      <translation>Group incident warnings (workbench hints; handling is not affected)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>期限从起算日的次日开始计算。按「日」计算的，最后一天是法定休假日或周末时顺延到下一个工作日（民法典第二百零一条、第二百零三条）；按「工作日」计算的，只数工作日。节假日在 设置 → 节假日 中维护。保存后，未结案件的期限随即按新的设置重新计算；已办结的案件保持办结时的期限。</source>
      <translation>A period starts on the day after its starting day. Counted in days, a last day on a public holiday or weekend moves to the next working day (Civil Code Art. 201 and 203); counted in working days, only working days count. Holidays are kept under Settings → Holidays. Once saved, the deadlines of open cases are recalculated by the new settings at once; closed cases keep the deadline they closed with.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>同村（社区）同类纠纷</source>
      <translation>Same kind of dispute in the same village (community)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source> 天内</source>
      <translation> days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>同一村（社区）在这些天内登记的同类未结纠纷视为相关</source>
      <translation>Open disputes of the same kind registered in the same village (community) within these days count as related</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>相关未结案件达到</source>
      <translation>Related open cases reach</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source> 件</source>
      <translation> cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>同一被申请人、同一信访人或同村同类的未结案件达到此数时提示</source>
      <translation>Hint when the open cases with the same respondent, same petitioner, or same village and kind reach this number</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>一件案件涉及人数达到</source>
      <translation>People involved in one case reach</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>一件未结案件的涉及人数（集体访人数）达到此数时提示</source>
      <translation>Hint when the people involved (group visitors) of one open case reach this number</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>{0}的单位</source>
      <translation>Unit of {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>{hint}（默认 {n} {unit}）</source>
      <translation>{hint} (default {n} {unit})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>{0}（默认 {1}）</source>
      <translation>{0} (default {1})</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source> 个工作日</source>
      <translation> working days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/limits_tab.py" />
      <source>天</source>
      <translation>days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>移出列表</source>
      <translation>Remove from list</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>请先输入名称</source>
      <translation>Enter a name first</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>街道、乡镇或园区名称</source>
      <translation>Name of a street, town or park</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>调解员姓名</source>
      <translation>Mediator's name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>这些名单用于登记时的选择框，改动后请点「保存设置」。从名单中移出的名称只是不再出现在选择框中，已登记案件里的名称保持不变。</source>
      <translation>These lists feed the choice boxes when registering; after a change click "Save settings". A name removed from a list no longer appears in the choice boxes; names in registered cases stay as they are.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>共 {n} 项</source>
      <translation>{n} items</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lists_tab.py" />
      <source>「{name}」已在列表中</source>
      <translation>"{name}" is already in the list</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>停用</source>
      <translation>Disable</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>参与部门</source>
      <translation>Participating departments</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>如：派出所、司法所、法律顾问</source>
      <translation>e.g. police station, judicial office, legal adviser</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>参与调解的派出所、司法所、法律顾问和职能部门。添加、停用和启用立即生效；用过的部门不能删除，只能停用。</source>
      <translation>Police stations, judicial offices, legal advisers and departments that take part in mediation. Adding, disabling and enabling take effect at once; a department in use cannot be deleted, only disabled.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>已用</source>
      <translation>Used</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>启用</source>
      <translation>Enable</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>新的信访类别名称</source>
      <translation>New petition category name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>新的纠纷类型名称</source>
      <translation>New dispute type name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>类别的添加、停用和启用立即生效，不需要点「保存设置」。用过的类别不能删除，只能停用：停用后登记和导入时不能再选它，已有案件保持原来的类别，统计照常。</source>
      <translation>Adding, disabling and enabling categories take effect at once, with no need to click "Save settings". A category in use cannot be deleted, only disabled: it can then no longer be chosen when registering or importing, existing cases keep it, and the figures count as before.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>参与调解的派出所、司法所、法律顾问和职能部门。当前账户只能查看此名单，不能添加或停用。</source>
      <translation>Police stations, judicial offices, legal advisers and departments that take part in mediation. This account can only view this list, not add or disable.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>使用中</source>
      <translation>In use</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>已停用</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/lookup_tabs.py" />
      <source>{n} 件</source>
      <translation>{n} cases</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/mapping_table.py" />
      <source>恢复默认对应</source>
      <translation>Restore default mapping</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>格式有误：只能使用 {year} 和 {seq}（如 {seq:04d}），花括号须成对</source>
      <translation>Wrong format: only {year} and {seq} (e.g. {seq:04d}) may be used, with braces in pairs</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>编号格式须含 {seq}，例如 </source>
      <translation>The number format must contain {seq}, e.g. </translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>信访件编号格式</source>
      <translation>Petition number format</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>矛盾纠纷编号格式</source>
      <translation>Dispute number format</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>{year} 填入登记年份；{seq:04d} 填入四位顺序号（不足四位前面补0），{seq} 不补0。顺序号每年从1开始。修改格式只影响以后登记的案件，已有编号不变。</source>
      <translation>{year} is the registration year; {seq:04d} the four-digit sequence number (zero-padded), {seq} without padding. The sequence starts at 1 each year. A new format affects only cases registered later; existing numbers stay.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>编号过长，不能超过{n}个字</source>
      <translation>The number is too long: at most {n} characters</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/numbers_tab.py" />
      <source>下一个编号示例：{number}</source>
      <translation>Next number, e.g.: {number}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>如：涪陵高新区矛盾纠纷调解办</source>
      <translation>e.g. Fuling Hi-tech Zone Dispute Mediation Office</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>如：马鞍街道人民调解委员会</source>
      <translation>e.g. Ma'an Street People's Mediation Committee</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>印在受理告知书上；留空则使用单位名称</source>
      <translation>Printed on the acceptance notice; empty: the office name is used</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>印在告知书上，如：周志强</source>
      <translation>Printed on notices, e.g. Zhou Zhiqiang</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>印在告知书上，如：023-72281234</source>
      <translation>Printed on notices, e.g. 023-72281234</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>报表抬头</source>
      <translation>Report heading</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>留空则使用单位名称</source>
      <translation>Empty: the office name is used</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>卷宗保管期限</source>
      <translation>Dossier retention period</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>印在卷宗封面上；留空则为10年</source>
      <translation>Printed on the dossier cover; empty: 10 years</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/office_tab.py" />
      <source>单位名称显示在窗口标题和打印件上；调解委员会名称（全称）用于调解协议书等文书；信访事项处理机关、联系人和联系电话印在受理告知书和不予受理告知书上；报表抬头印在统计报表的标题上方。</source>
      <translation>The office name is shown in the window title and on printouts; the committee's full name is used on mediation agreements and other documents; the petition handling authority, contact person and phone are printed on the acceptance and non-acceptance notices; the report heading is printed above the title of reports.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>这里的设置对本单位所有用户生效。</source>
      <translation>These settings apply to every user of this office.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>街镇与人员</source>
      <translation>Streets and staff</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>填报表格</source>
      <translation>Forms</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>文书模板</source>
      <translation>Document templates</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>恢复为上次保存的设置</source>
      <translation>Restore the settings as last saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>保存设置</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>保存单位信息、编号格式、办理期限和名单（Ctrl+S）</source>
      <translation>Save office, number formats, time limits and lists (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>设置已保存</source>
      <translation>Settings saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>账户</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>所有修改均已保存</source>
      <translation>All changes saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/page.py" />
      <source>正在读取设置…</source>
      <translation>Reading settings…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>双击插入到光标处</source>
      <translation>Double-click to insert at the cursor</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>恢复默认</source>
      <translation>Restore default</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>保存模板</source>
      <translation>Save template</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>只有管理员可以修改文书模板。</source>
      <translation>Only an administrator can change document templates.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>模板已保存</source>
      <translation>Template saved</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>已恢复默认</source>
      <translation>Default restored</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>文书中的固定文字可按本单位的习惯修改；花括号中的占位符在打印时换成案件的内容，案件中没有的内容打印为下划线空白。表格和签名栏不在此修改。</source>
      <translation>The fixed wording of the documents can be changed to this office's custom; placeholders in braces are replaced by the case's content when printing, and content the case lacks prints as an underlined blank. Tables and signature blocks are not changed here.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>文书</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>可用的占位符（双击插入）</source>
      <translation>Available placeholders (double-click to insert)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>（此段没有占位符：每行一项，自动编号）</source>
      <translation>(no placeholders in this section: one item a line, numbered automatically)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>预览：还没有可以出具此文书的案件，以下为示例内容</source>
      <translation>Preview: no case can issue this document yet; sample content below</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>只有管理员可以修改文书模板</source>
      <translation>Only an administrator can change document templates</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>本单位修改过的文本</source>
      <translation>Text changed by this office</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>程序自带的文本</source>
      <translation>The program's own text</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>无法预览：{0}</source>
      <translation>Cannot preview: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>预览：{0}（第1页）</source>
      <translation>Preview: {0} (page 1)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>把「{0}」恢复为程序自带的文本吗？本单位修改的文本将不再使用。</source>
      <translation>Restore "{0}" to the program's own text? This office's changed text will no longer be used.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/templates_tab.py" />
      <source>「{0}」有未保存的修改，放弃这些修改吗？</source>
      <translation>"{0}" has unsaved changes. Discard them?</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>添加账户</source>
      <translation>Add account</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>新账户用登录名和这里设的密码登录，登录后可自行修改密码。</source>
      <translation>The new account signs in with its user name and the password set here, and can change the password after signing in.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>登录用，如 lixm</source>
      <translation>For signing in, e.g. lixm</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>如 李晓明</source>
      <translation>e.g. Li Xiaoming</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>登录名</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>重置密码</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>重置</source>
      <translation>Reset</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>管理员：全部功能；登记员：登记和办理案件
调解员：本人承办的纠纷；查看：只能查看</source>
      <translation>Administrator: everything; Clerk: registers and handles cases
Mediator: the disputes they handle; Viewer: view only</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>至少{0}个字符</source>
      <translation>At least {0} characters</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/user_dialogs.py" />
      <source>为 {0}（{1}）设置新密码，请当面或电话告知本人。</source>
      <translation>Set a new password for {0} ({1}); tell them in person or by phone.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>无密码</source>
      <translation>No password</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>尚未设置登录账户</source>
      <translation>No sign-in accounts yet</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>现在本机不需要登录，所有操作都记在“本机用户”名下。设置管理员账户后，每位工作人员用自己的账户登录，操作记入操作日志，身份证号和电话按角色隐藏；管理员再在这里添加其他人的账户。</source>
      <translation>This computer needs no sign-in now; every action is recorded under "Local user". Once an administrator account is set up, every staff member signs in with their own account, actions are recorded in the audit log, and ID numbers and phones are masked by role; the administrator then adds the others' accounts here.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>设置管理员账户…</source>
      <translation>Set up administrator account…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>添加账户…</source>
      <translation>Add account…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>重置密码…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>等待至 {0}</source>
      <translation>Waiting until {0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>账户的添加、重置密码和停用立即生效，不需要点「保存设置」。停用的账户不能再登录，它以前做的操作仍记在它名下；不能停用自己和最后一个管理员。修改自己的密码请用状态栏右下角的用户菜单。</source>
      <translation>Adding accounts, resetting passwords and disabling take effect at once, with no need to click "Save settings". A disabled account can no longer sign in; its earlier actions stay under its name. You cannot disable yourself or the last administrator. To change your own password use the user menu at the bottom right of the status bar.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>（本人）</source>
      <translation> (you)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>不能停用自己的账户</source>
      <translation>You cannot disable your own account</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>停用账户</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>已添加账户 {0}（{1}）</source>
      <translation>Account {0} ({1}) added</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>密码已修改</source>
      <translation>Password changed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>停用账户 {0}（{1}）？停用后此账户不能再登录，它以前的操作记录保留。</source>
      <translation>Disable account {0} ({1})? It can then no longer sign in; its earlier actions are kept.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>已重置 {0} 的密码</source>
      <translation>Password of {0} reset</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/users.py" />
      <source>已停用 {0}</source>
      <translation>{0} disabled</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>即将到期（7天内）</source>
      <translation>Due soon (within 7 days)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>当前已超期</source>
      <translation>Overdue now</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>待回访</source>
      <translation>Awaiting follow-up</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>{0}年{1}月{2}日 星期{3}</source>
      <translation>{3} {2}/{1}/{0}</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>单位信息尚未填写：协议书和告知书的抬头会不完整。</source>
      <translation>Office details not filled in yet: agreements and notices will have incomplete headings.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>去设置</source>
      <translation>Go to settings</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>打开 设置 → 单位信息</source>
      <translation>Open Settings → Office</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>暂无</source>
      <translation>None</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>今日工作</source>
      <translation>Today's work</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>打开 设置 → 节假日</source>
      <translation>Open Settings → Holidays</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>待受理（超过{0}天）</source>
      <translation>Awaiting acceptance (more than {0} days)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>仅列出前 {0} 件，共 {1} 件</source>
      <translation>Only the first {0} of {1} are listed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>{0} · 今日工作</source>
      <translation>{0} · Today's work</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>{0} 年的节假日安排尚未添加：期限遇到法定节假日不会顺延，只按周末计算。请按国务院办公厅的通知添加或导入。</source>
      <translation>The holidays of {0} have not been added yet: deadlines do not move past public holidays, only past weekends. Add or import them from the State Council General Office's notice.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>今天截止</source>
      <translation>Due today</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>司法确认申请期限将到</source>
      <translation>Judicial confirmation deadline approaching</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>书面调解协议自生效之日起30日内可申请司法确认：7天内截止且尚未申请的，以及已申请、待法院结果的</source>
      <translation>A written mediation agreement may be submitted for judicial confirmation within 30 days of taking effect: those due within 7 days and not yet applied for, and those applied for and awaiting the court's result</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>{0}已申请，待法院结果</source>
      <translation>Applied on {0}, awaiting the court's result</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>申请期限</source>
      <translation>Application deadline</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_judicial.py" />
      <source>情况</source>
      <translation>Situation</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_supervision.py" />
      <source>督办回复逾期</source>
      <translation>Supervision reply overdue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_supervision.py" />
      <source>尚未回复且已过回复期限的督办，按回复期限排列</source>
      <translation>Supervisions not replied to and past the reply deadline, by reply deadline</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_supervision.py" />
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_supervision.py" />
      <source>{0}天</source>
      <translation>{0} days</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>可能的群体性事件</source>
      <translation>Possible group incidents</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>提示</source>
      <translation>Hint</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>规则</source>
      <translation>Rule</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>{0}（未结{1}件）</source>
      <translation>{0} ({1} open)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>同一被申请人（被反映人）或同一信访人（申请人）有{0}件以上未结案件，同一村（社区）{1}天内有{0}件以上同类未结纠纷，或一件未结案件涉及{2}人以上。仅为提示。阈值在 设置 → 办理期限 中修改。</source>
      <translation>The same respondent (person complained about) or the same petitioner (applicant) has {0} or more open cases, the same village (community) has {0} or more open disputes of the same kind within {1} days, or one open case involves {2} or more people. Only a hint. Thresholds are set under Settings → Time limits.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench_warnings.py" />
      <source>{0}：{1}，未结{2}件</source>
      <translation>{0}: {1}, {2} open</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>范围</source>
      <translation>Area</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>关联纠纷</source>
      <translation>Linked disputes</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>录入人</source>
      <translation>Entered by</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>Excel 或 CSV 文件 (*.xlsx *.csv)</source>
      <translation>Excel or CSV files (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>导出排查台账</source>
      <translation>Export screening log</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</source>
      <translation>Excel files (*.xlsx);;CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>共 {0} 条：排查 {1} 次，发现纠纷 {2} 件，安保维稳 {3} 次，零上报 {4} 条</source>
      <translation>{0} entries: {1} screenings, {2} disputes found, {3} security and stability duties, {4} zero reports</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>排查台账</source>
      <translation>Screening log</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>全部月份</source>
      <translation>All months</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>全部类型</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>新增记录</source>
      <translation>New entry</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>导入…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>从 Excel 或 CSV 导入（列：日期、类型、范围、参加人员、发现纠纷数、说明）</source>
      <translation>Import from Excel or CSV (columns: 日期, 类型, 范围, 参加人员, 发现纠纷数, 说明)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>把当前筛选的记录导出为 Excel 或 CSV</source>
      <translation>Export the entries as filtered to Excel or CSV</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>全部街镇</source>
      <translation>All streets/towns</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>删除排查记录</source>
      <translation>Delete screening entry</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>日常、集中、专项排查和重大活动安保维稳工作的记录；某月某地未发现纠纷时请「零上报」。统计报表中的排查次数、安保维稳次数即由此计算。</source>
      <translation>Records of routine, concentrated and special screening and of security duty at major events; when a place found no dispute in a month, make a "zero report". The report's screening and security counts come from here.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/worklog.py" />
      <source>已导入 {0} 条台账记录</source>
      <translation>Imported {0} log entries</translation>
    </message>
    <message>
      <location filename="../../ui/self_test.py" />
      <source>加载案件列表</source>
      <translation>Load the case lists</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>数据库文件有问题</source>
      <translation>The database file has a problem</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>用备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>数据库文件无法正常使用：
{0}

找到最新的可用备份：{1}（{2} 件案件）。
恢复时，当前文件会先另存到备份文件夹的「before-restore」中，不会丢弃。

要用这个备份恢复吗？</source>
      <translation>The database file cannot be used properly:
{0}

Newest usable backup found: {1} ({2} cases).
Before restoring, the current file is saved aside to "before-restore" in the backup folder; nothing is thrown away.

Restore from this backup?</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>数据库文件无法正常使用：
{0}

在备份文件夹（{1}）中没有找到可用的备份。请不要删除这个文件，联系技术人员处理。</source>
      <translation>The database file cannot be used properly:
{0}

No usable backup was found in the backup folder ({1}). Do not delete this file; contact technical staff.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>数据库完整性检查发现问题：
{0}

请先不要继续登记，打开「备份与恢复」用最近的备份恢复，或联系技术人员。</source>
      <translation>The database integrity check found problems:
{0}

Stop registering for now: open "Backup and restore" and restore the latest backup, or contact technical staff.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>恢复没有成功：{0}</source>
      <translation>The restore did not succeed: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>已自动备份（{0} 件案件）到 {1}</source>
      <translation>Backed up automatically ({0} cases) to {1}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_hooks.py" />
      <source>自动备份没有成功：{0}</source>
      <translation>The automatic backup did not succeed: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>备份</source>
      <translation>Backup</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>查看(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>工具(&amp;T)</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>工作台</source>
      <translation>Workbench</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>正在打开…</source>
      <translation>Opening…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>工具栏</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>正在打开…（稍后显示所选案件）</source>
      <translation>Opening… (the chosen case opens in a moment)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>数据库: {0}</source>
      <translation>Database: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/first_frame.py" />
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../../ui/shell/lock.py" />
      <source>账户：修改密码、锁定屏幕、退出登录</source>
      <translation>Account: change password, lock screen, sign out</translation>
    </message>
    <message>
      <location filename="../../ui/shell/lock.py" />
      <source>修改密码…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/lock.py" />
      <source>设置登录账户…</source>
      <translation>Set up sign-in accounts…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/lock.py" />
      <source>{0}（{1}），请输入密码解锁。</source>
      <translation>{0} ({1}), enter your password to unlock.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>本机用户</source>
      <translation>Local user</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>登记一件新的信访件</source>
      <translation>Register a new petition</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>登记一件新的矛盾纠纷</source>
      <translation>Register a new dispute</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>从 Excel 或 CSV 文件导入案件</source>
      <translation>Import cases from an Excel or CSV file</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>重新读取当前页面</source>
      <translation>Read the current page again</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>备份…</source>
      <translation>Backup…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>备份与恢复：立即备份、查看备份、从备份恢复</source>
      <translation>Backup and restore: back up now, view backups, restore from a backup</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>关闭 CaseDesk</source>
      <translation>Close CaseDesk</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>关于 CaseDesk</source>
      <translation>About CaseDesk</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>在信访件和矛盾纠纷中查找编号、姓名、拼音首字母、电话后四位或事项</source>
      <translation>Find a number, name, pinyin initials, last four digits of a phone or a matter in petitions and disputes</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>在「统计报表」生成报表后，或打开一件案件时，可以打印</source>
      <translation>Printing is possible once a report is generated under "Reports", or when a case is open</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>用户: {0}</source>
      <translation>User: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>当前已超期 {0} 件</source>
      <translation>{0} overdue now</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>打印本案的登记表、协议书或告知书（Ctrl+P）</source>
      <translation>Print this case's registration form, agreement or notices (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" />
      <source>打印预览中的报表（Ctrl+P）</source>
      <translation>Print the report in the preview (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/menus.py" />
      <source>CaseDesk 信访与调解案件管理
版本 {0}</source>
      <translation>CaseDesk petition and mediation case management
Version {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/menus.py" />
      <source>数据文件夹：{0}
数据库：{1}</source>
      <translation>Data folder: {0}
Database: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/saved_notice.py" />
      <source>打开该案件并显示打印菜单（受理后可出具告知书）</source>
      <translation>Open the case and show the print menu (the notice can be issued once accepted)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/upgrade_progress.py" />
      <source>正在备份数据库（升级前保留原文件）…</source>
      <translation>Backing up the database (the original file is kept before the upgrade)…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/upgrade_progress.py" />
      <source>升级前已备份原文件，请勿关闭程序或电脑。</source>
      <translation>The original file was backed up first. Do not close the program or turn off the computer.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/upgrade_progress.py" />
      <source>正在升级数据库</source>
      <translation>Upgrading the database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/upgrade_progress.py" />
      <source>数据库格式已升级（共 {0} 步），正在打开…</source>
      <translation>Database format upgraded ({0} steps); opening…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/upgrade_progress.py" />
      <source>正在升级数据库格式：第 {0} 步，共 {1} 步…</source>
      <translation>Upgrading the database format: step {0} of {1}…</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" />
      <source>程序内部错误，操作未完成。详细信息已写入日志文件。</source>
      <translation>Internal error; the operation was not completed. Details were written to the log file.</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" />
      <source>无法完成</source>
      <translation>Cannot complete</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" />
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/date_edit.py" />
      <source>选择日期</source>
      <translation>Choose date</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/date_edit.py" />
      <source>{0}：{1} 早于 {2}，请核对</source>
      <translation>{0}: {1} is before {2}; please check</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/date_edit.py" />
      <source>{0}：{1} 晚于 {2}，请核对</source>
      <translation>{0}: {1} is after {2}; please check</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/date_edit.py" />
      <source>{0}：无法识别日期「{1}」，请写作 2026-03-05</source>
      <translation>{0}: date "{1}" not recognised; write it as 2026-03-05</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/date_edit.py" />
      <source>{0}：请填写日期</source>
      <translation>{0}: enter a date</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/forms.py" />
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/forms.py" />
      <source>已修改</source>
      <translation>Changed</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/forms.py" />
      <source>请填写{0}</source>
      <translation>Enter {0}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/office_picker.py" />
      <source>只看所选单位的案件、统计和报表；「全部单位」看全区</source>
      <translation>Show only the chosen office's cases, figures and reports; "All offices" shows the whole district</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/office_picker.py" />
      <source>全部单位</source>
      <translation>All offices</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>适合宽度</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>按窗口宽度显示整页</source>
      <translation>Show the whole page at the window's width</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>缩小</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>缩小（Ctrl+-）</source>
      <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>放大</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>放大（Ctrl++）</source>
      <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>选择打印机并打印（Ctrl+P）</source>
      <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>另存为PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>把这份文件另存为 PDF</source>
      <translation>Save this file as PDF</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>另存为PDF</source>
      <translation>Save as PDF</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>正在打印……</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>缺少 PDF 预览组件（PySide6-Pdf），可以另存为 PDF 后用其他程序打开。</source>
      <translation>The PDF preview component (PySide6-Pdf) is missing; save as PDF and open it with another program.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>无法打印</source>
      <translation>Cannot print</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>打印机没有准备好，请检查后重试。</source>
      <translation>The printer is not ready; please check and try again.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>第 {0} / {1} 页</source>
      <translation>Page {0} / {1}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>已发送 {0} 页到打印机</source>
      <translation>Sent {0} pages to the printer</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/pdf_preview.py" />
      <source>文件没有保存：{0}</source>
      <translation>The file was not saved: {0}</translation>
    </message>
    <message>
      <source>✓ 已导入 {name}（{code}）{made}的上报包：案件 {n} 件，新增 {a} 件，更新 {r} 件，未变 {u} 件；新增当事人 {p} 人；排查台账新增 {wa} 条，更新 {wu} 条。</source>
      <translation type="vanished">✓ Imported the report package of {name} ({code}){made}: {n} cases, {a} added, {r} updated, {u} unchanged; {p} new parties; work log {wa} added, {wu} updated.</translation>
    </message>
    <message>
      <source>填报模板 </source>
      <translation type="vanished">Form template </translation>
    </message>
    <message>
      <source>操作日志-</source>
      <translation type="vanished">Audit log-</translation>
    </message>
    <message>
      <source>件</source>
      <translation type="vanished">cases</translation>
    </message>
    <message>
      <source>排查台账-</source>
      <translation type="vanished">Screening log-</translation>
    </message>
    <message>
      <source>备份超时</source>
      <translation type="vanished">Backup timed out</translation>
    </message>
    <message>
      <source>记录排查台账</source>
      <translation type="vanished">Record screening log</translation>
    </message>
    <message>
      <source>管理用户</source>
      <translation type="vanished">Manage users</translation>
    </message>
    <message>
      <source>查看操作日志</source>
      <translation type="vanished">View audit log</translation>
    </message>
    <message>
      <source>查看当事人证件号码和电话</source>
      <translation type="vanished">View parties' ID numbers and phones</translation>
    </message>
    <message>
      <source>导出或打印完整个人信息</source>
      <translation type="vanished">Export or print full personal data</translation>
    </message>
    <message>
      <source>^\s*(?:(\d{4})[-./年])?(\d{1,2})[-./月](\d{1,2})日?\s*$</source>
      <translation type="vanished">^\s*(?:(\d{4})[-./年])?(\d{1,2})[-./月](\d{1,2})日?\s*$</translation>
    </message>
    <message>
      <source>一</source>
      <translation type="vanished">Mon</translation>
    </message>
    <message>
      <source>二</source>
      <translation type="vanished">Tue</translation>
    </message>
    <message>
      <source>三</source>
      <translation type="vanished">Wed</translation>
    </message>
    <message>
      <source>四</source>
      <translation type="vanished">Thu</translation>
    </message>
    <message>
      <source>五</source>
      <translation type="vanished">Fri</translation>
    </message>
    <message>
      <source>六</source>
      <translation type="vanished">Sat</translation>
    </message>
  </context>
  <context>
    <name>act</name>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>不予受理</source>
      <translation>Reject</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>分派</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>延期</source>
      <translation>Extend</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>记录调解</source>
      <translation>Record session</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>记录协议</source>
      <translation>Record agreement</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>重新打开</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>回访</source>
      <translation>Follow up</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>标记已录入</source>
      <translation>Mark as entered</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>转送</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>上级交办</source>
      <translation>From superior</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>办结报告</source>
      <translation>Closing report</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>督办</source>
      <translation>Supervise</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>督办回复</source>
      <translation>Supervision reply</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>答复</source>
      <translation>Reply</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>满意度</source>
      <translation>Rate satisfaction</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>复查/复核</source>
      <translation>Review/Re-review</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>申请司法确认</source>
      <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>记录司法确认结果</source>
      <translation>Record judicial confirmation result</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>风险等级与预防成效</source>
      <translation>Risk grade and prevention</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>添加当事人</source>
      <translation>Add party</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>修改当事人</source>
      <translation>Edit party</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>移除当事人</source>
      <translation>Remove party</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>修改设置</source>
      <translation>Change settings</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>记录排查台账</source>
      <translation>Record screening log</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>管理用户</source>
      <translation>Manage users</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>查看操作日志</source>
      <translation>View audit log</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>查看当事人证件号码和电话</source>
      <translation>View parties' ID numbers and phones</translation>
    </message>
    <message>
      <location filename="../../caseapp/workflow.py" />
      <source>导出或打印完整个人信息</source>
      <translation>Export or print full personal data</translation>
    </message>
  </context>
  <context>
    <name>day-name</name>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>一</source>
      <translation>Mon</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>二</source>
      <translation>Tue</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>三</source>
      <translation>Wed</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>四</source>
      <translation>Thu</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>五</source>
      <translation>Fri</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>六</source>
      <translation>Sat</translation>
    </message>
    <message>
      <location filename="../../ui/pages/workbench.py" />
      <source>日</source>
      <translation>Sun</translation>
    </message>
  </context>
  <context>
    <name>weekday</name>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>一</source>
      <translation>Mo</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>二</source>
      <translation>Tu</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>三</source>
      <translation>We</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>四</source>
      <translation>Th</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>五</source>
      <translation>Fr</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>六</source>
      <translation>Sa</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings/holidays_tab.py" />
      <source>日</source>
      <translation>Su</translation>
    </message>
  </context>
</TS>
