<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccessibleNames</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/accessible_names.py" line="+38"/>
        <source>Review queue</source>
        <translation>審核清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J next item, K previous item, Ctrl+Enter approve, Ctrl+R reject, F1 all keys</source>
        <translation>J 下一件，K 上一件，Ctrl+Enter 審核通過，Ctrl+R 退件，F1 看全部快速鍵</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search the queue</source>
        <translation>搜尋審核清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family, inmate, call number or title; Esc clears the search</source>
        <translation>家屬、收容人、呼號或標題；Esc 清除搜尋</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by kind</source>
        <translation>依類別篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+1 opens the list</source>
        <translation>Alt+1 開啟選單</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by status</source>
        <translation>依狀態篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+2 opens the list</source>
        <translation>Alt+2 開啟選單</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by rule flag</source>
        <translation>依規則提示篩選</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+3 opens the list</source>
        <translation>Alt+3 開啟選單</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>Documents of the item</source>
        <translation>此件的文件</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The item&apos;s documents: thumbnails, the document shown large and its details</source>
        <translation>此件的文件：縮圖、放大顯示的文件及其資料</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arrow keys choose a document</source>
        <translation>方向鍵選擇文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document shown large</source>
        <translation>放大顯示的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ and - zoom, 0 fits the width, R rotates, arrow keys move, Esc back to the queue</source>
        <translation>+ 與 - 縮放，0 符合寬度，R 旋轉，方向鍵移動，Esc 回到審核清單</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applicant&apos;s photo</source>
        <translation>申請人照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID document</source>
        <translation>身分證明文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decision</source>
        <translation>審核決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item&apos;s facts, rule check and family history; Ctrl+Enter approve, Ctrl+R reject</source>
        <translation>此件的資料、規則檢查與家屬歷程；Ctrl+Enter 審核通過，Ctrl+R 退件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Facts of the item</source>
        <translation>此件的資料</translation>
    </message>
</context>
<context>
    <name>AppealsModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/appeals_panel.py" line="+78"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appealed on</source>
        <translation>申覆日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>呼號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First reviewer</source>
        <translation>原審核人員</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting</source>
        <translation>待決定</translation>
    </message>
</context>
<context>
    <name>AppealsPanel</name>
    <message>
        <location line="+61"/>
        <location line="+134"/>
        <source>Appeals</source>
        <extracomment>Emitted after a decision was saved (the table reloads itself). A refusal or a failure, in the member&apos;s words.</extracomment>
        <translation>申覆</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>The appeal and the rejected item</source>
        <translation>申覆與原退件案件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents of the rejected item</source>
        <translation>原退件案件的文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your reasons, for the family (required, at most {count} characters)</source>
        <translation>給家屬的理由（必填，{count} 字以內）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>Reasons for the family</source>
        <translation>給家屬的理由</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;Uphold the rejection</source>
        <translation>維持原決定(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Overturn the rejection</source>
        <translation>撤銷原決定(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A family may ask once for a rejection to be looked at again. Someone other than the member who rejected it decides; an overturn removes the strike and may end a suspension.</source>
        <translation>家屬對每次退件可申覆一次，由原審核人員以外的業務主管決定；撤銷原決定時，違規紀錄一併撤銷，其所致之停權可能隨之結束。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{count} appeals waiting</source>
        <translation>{count} 件申覆待決定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No appeal selected.</source>
        <translation>尚未選擇申覆。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{family} · call number {call_number}</source>
        <translation>{family}・呼號 {call_number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The family&apos;s appeal ({day})</source>
        <translation>家屬申覆（{day}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected on {day} by {reviewer}</source>
        <translation>原退件：{day}，{reviewer}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first reviewer&apos;s note (staff only)</source>
        <translation>原審核人員備註（僅工作人員可見）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a strike</source>
        <translation>不計入違規</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A strike, dismissed</source>
        <translation>違規紀錄，已撤銷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A strike (P7): an overturn dismisses it</source>
        <translation>計入違規（P7）：撤銷原決定時一併撤銷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike</source>
        <translation>違規紀錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body</source>
        <translation>內文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{outcome} on {day} by {member}; the reply to the family</source>
        <translation>{outcome}（{day}，{member}）；給家屬的回覆</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>You rejected this item yourself: another supervisor decides its appeal.</source>
        <translation>此案件由您退件：其申覆須由另一位業務主管決定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided: an appeal is decided once.</source>
        <translation>已決定：申覆僅決定一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {count} characters.</source>
        <translation>請在 {count} 字以內。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write your reasons for the family, then uphold or overturn.</source>
        <translation>請填寫給家屬的理由，再選擇維持或撤銷原決定。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decide this appeal: {outcome}?</source>
        <translation>確定此申覆：{outcome}？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its strike is dismissed; a suspension it brought about ends with it (R2).</source>
        <translation>其違規紀錄將撤銷；因此而起的停權隨之結束（R2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The family reads your reasons. An appeal is decided once.</source>
        <translation>家屬會看到您的理由。申覆僅決定一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal</source>
        <translation>申覆</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Appeal decided: {outcome}</source>
        <translation>申覆已決定：{outcome}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../reviewer_app/ui/common/app.py" line="+62"/>
        <location filename="../../reviewer_app/ui/desk/demo_seeding.py" line="+240"/>
        <source>Contact Book Review Desk</source>
        <extracomment>run_desk&apos;s answer when the member signed out at the idle lock (not a process exit status).</extracomment>
        <translation>家庭聯絡簿審核工作站</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+73"/>
        <source>Decision</source>
        <extracomment>Raw value of a cell, for sorting (times as times, numbers as numbers). The whole row object.</extracomment>
        <translation>審核決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision undone</source>
        <translation>復原決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision in conflict</source>
        <translation>決定衝突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item released</source>
        <translation>釋出案件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension</source>
        <translation>停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension lifted</source>
        <translation>解除停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension shortened</source>
        <translation>縮短停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike dismissed</source>
        <translation>撤銷違規</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal: rejection upheld</source>
        <translation>申覆：維持原決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal: rejection overturned</source>
        <translation>申覆：撤銷原決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason added</source>
        <translation>新增退件原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason changed</source>
        <translation>修改退件原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail viewed</source>
        <translation>查閱稽核紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account added</source>
        <translation>新增帳號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account disabled</source>
        <translation>停用帳號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprinted</source>
        <translation>重印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print record in conflict</source>
        <translation>列印紀錄衝突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over recorded</source>
        <translation>登錄轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over record in conflict</source>
        <translation>轉交紀錄衝突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second look: confirmed</source>
        <translation>覆核：確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second look: sent back</source>
        <translation>覆核：退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension lift asked (待覆核)</source>
        <translation>申請解除停權（待覆核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension shortening asked (待覆核)</source>
        <translation>申請縮短停權（待覆核）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account role changed</source>
        <translation>帳號角色變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target to decide changed</source>
        <translation>決定期限變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility calendar changed</source>
        <translation>機關行事曆變更</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/audit_browser.py" line="+225"/>
        <source>Choose an event to read its details</source>
        <extracomment>The chosen event in full: what, who, when, and each detail on a line of its own.</extracomment>
        <translation>選擇一筆事件以查看內容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff name or account</source>
        <translation>人員姓名或帳號</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+69"/>
        <source>All actions</source>
        <translation>全部動作</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Family name or service number</source>
        <translation>家屬姓名或服務編號</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number or inmate name</source>
        <translation>呼號或收容人姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dates</source>
        <translation>期間</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search</source>
        <translation>查詢</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify the chain</source>
        <translation>驗證稽核鏈</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Showing {shown} of {loaded} loaded</source>
        <translation>顯示 {shown} / 已載入 {loaded} 筆</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (the limit was reached: narrow the dates)</source>
        <translation>（已達上限，請縮小期間）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{time} · {staff} · {action}</source>
        <translation>{time}・{staff}・{action}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The audit chain holds: {n} events</source>
        <translation>稽核鏈完整：{n} 筆事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit chain is broken: {m}</source>
        <translation>稽核鏈斷裂：{m}</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/event_details.py" line="+36"/>
        <source>Outcome</source>
        <extracomment>An ISO time as the engine stores it: 2026-11-02T16:30:00+00:00. Keys whose value is a code of the catalogue&apos;s reasons (one or a list). Keys that hold a record&apos;s identity (a UUID): shown short, the full one stays in the database.</extracomment>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection reason</source>
        <translation>退件原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remark to the family</source>
        <translation>給家屬的說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision record</source>
        <translation>決定紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension number</source>
        <translation>第幾次停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended before</source>
        <translation>原結束時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends now</source>
        <translation>新結束時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts with strikes</source>
        <translation>違規貼文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension</source>
        <translation>停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike</source>
        <translation>違規</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed strike</source>
        <translation>撤銷的違規</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appeal</source>
        <translation>申覆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons for the family</source>
        <translation>給家屬的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First reviewer</source>
        <translation>原審核人員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike dismissed</source>
        <translation>撤銷違規</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspension ended</source>
        <translation>停權結束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason code</source>
        <translation>原因代碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved as</source>
        <translation>儲存內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>查詢條件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events found</source>
        <translation>查得筆數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print record</source>
        <translation>列印紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over record</source>
        <translation>轉交紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print run</source>
        <translation>列印批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>份數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over by</source>
        <translation>轉交人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over at</source>
        <translation>轉交時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason the family reads</source>
        <translation>家屬看到的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>修正建議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts as a strike</source>
        <translation>計入違規</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to</source>
        <translation>適用對象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>規則代號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>人員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>迄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate</source>
        <translation>收容人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivered</source>
        <translation>已轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be delivered</source>
        <translation>無法轉交</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+19"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/audit_browser.py" line="-310"/>
        <source>Service #{id}</source>
        <translation>服務 #{id}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff</source>
        <translation>人員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inmate</source>
        <translation>收容人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Detail</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="+103"/>
        <source>Working day</source>
        <translation>上班日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day off</source>
        <translation>放假日</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by</source>
        <translation>設定人</translation>
    </message>
</context>
<context>
    <name>CatalogueEditor</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/catalogue_editor.py" line="+94"/>
        <source>days from one post to the next</source>
        <translation>兩次發佈家庭聯絡簿間隔日數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>characters of a post&apos;s text</source>
        <translation>內文字數上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photos in a post</source>
        <translation>照片張數上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size of a photo</source>
        <translation>每張照片大小上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attachments of a post</source>
        <translation>附件檔案數上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size of all attachments</source>
        <translation>附件合計大小上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file types allowed</source>
        <translation>允許的附件格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejections before a suspension</source>
        <translation>停權前的退件次數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months of a suspension</source>
        <translation>停權月數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest age of the inmate&apos;s child</source>
        <translation>收容人子女年齡上限</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Counts as a strike (P7, posts only)</source>
        <extracomment>A reason was added or changed: the saved ReasonRow. The reason just saved here, selected when the list comes back. The question before a save: what changes (None when not asking). The chosen reason as it is stored: the save says what differs from it.</extracomment>
        <translation>計入違規（P7，僅限家庭聯絡簿）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active (offered to reviewers)</source>
        <translation>啟用（可供審核人員選用）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New reason</source>
        <extracomment>What each {placeholder} stands for, with the facility&apos;s value. The reason and suggestion of the form as the facility&apos;s families read them.</extracomment>
        <translation>新增原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+207"/>
        <source>Rule</source>
        <translation>規則代號</translation>
    </message>
    <message>
        <location line="-206"/>
        <location line="+205"/>
        <source>Applies to</source>
        <translation>適用對象</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+205"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location line="-204"/>
        <location line="+198"/>
        <source>Reason the family reads</source>
        <translation>家屬看到的原因</translation>
    </message>
    <message>
        <location line="-197"/>
        <location line="+198"/>
        <source>Suggestion</source>
        <translation>修正建議</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>The family reads</source>
        <translation>家屬看到的內容</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>{placeholder} = {value} ({meaning})</source>
        <translation>{placeholder}＝{value}（{meaning}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numbers in braces take your facility&apos;s values: {entries}</source>
        <translation>大括號內的代號會代入本機關的規定：{entries}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Code {code} exists already: select that reason to change it</source>
        <translation>代碼 {code} 已存在，請改選該原因後修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing changed: nothing to save</source>
        <translation>沒有變更，無須儲存</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {code}</source>
        <translation>已儲存 {code}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Counts as a strike</source>
        <translation>計入違規</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add the reason {name} ({code}):</source>
        <extracomment>The fields a supervisor edits, in the form&apos;s order.</extracomment>
        <translation>新增原因「{name}」（{code}）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change the reason {name} ({code}):</source>
        <translation>修改原因「{name}」（{code}）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  before: {text}</source>
        <translation>&#x3000;修改前：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  after: {text}</source>
        <translation>&#x3000;修改後：{text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From now on a rejection for this reason counts as a strike: {threshold} in total suspend the family&apos;s posting for {months} month(s).</source>
        <translation>此後以此原因退件會計入違規：累計 {threshold} 次即停權 {months} 個月。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From now on a rejection for this reason no longer counts as a strike (strikes already given stay).</source>
        <translation>此後以此原因退件不再計入違規（已記的違規不受影響）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewers will no longer be offered this reason.</source>
        <translation>審核人員將不再看到此原因。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workstations use the change after their next sync.</source>
        <translation>各工作站於下次同步後使用修改後的內容。</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <location line="-459"/>
        <source>Posts</source>
        <translation>家庭聯絡簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications</source>
        <translation>服務申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>兩者</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Order</source>
        <extracomment>The facility&apos;s numbers: the list shows each reason as its families read it.</extracomment>
        <translation>排序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies to</source>
        <translation>適用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strike</source>
        <translation>計違規</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason the family reads</source>
        <translation>家屬看到的原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestion</source>
        <translation>修正建議</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/charts.py" line="+59"/>
        <source>No data</source>
        <extracomment>Readable on a workstation screen: labels never below 10 pt, titles larger.</extracomment>
        <translation>沒有資料</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/compare_pane.py" line="+99"/>
        <source>{kind}: not uploaded</source>
        <extracomment>The two documents compared side by side: the applicant&apos;s photo and the ID document.</extracomment>
        <translation>{kind}：未上傳</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: loading…</source>
        <translation>{kind}：載入中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {problem}</source>
        <translation>{kind}：{problem}</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/second_look.py" line="+195"/>
        <source>Compare with the rejected one</source>
        <translation>與前次退件比較</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rejected earlier: %1</source>
        <translation>前次退件：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sent %1, rejected %2</source>
        <translation>%1 送件，%2 退件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons given</source>
        <translation>前次退件理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the family read</source>
        <translation>家屬收到的說明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff note</source>
        <translation>承辦人備註</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>struck out: removed, underlined: new</source>
        <translation>刪除線：已刪除；底線：新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Body</source>
        <translation>內文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not replaced (the same file)</source>
        <translation>未更換（同一檔案）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replaced</source>
        <translation>已更換</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>same picture</source>
        <translation>相同圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar picture</source>
        <translation>相似圖片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different picture</source>
        <translation>不同圖片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>earlier</source>
        <translation>前次</translation>
    </message>
</context>
<context>
    <name>ConfirmSaveDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/catalogue_editor.py" line="+395"/>
        <source>Add this reason?</source>
        <translation>新增此原因？</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the changes to this reason?</source>
        <translation>儲存此原因的修改？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="+76"/>
        <source>Screen locked</source>
        <extracomment>Input that counts as the member being at the workstation.</extracomment>
        <translation>畫面已鎖定</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../reviewer_app/ui/common/date_edit.py" line="+37"/>
        <source>A date such as 115/12/07 (ROC year) or 2026/12/07</source>
        <translation>輸入日期，例如 115/12/07（民國年）或 2026/12/07</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the date in a calendar</source>
        <translation>從月曆選擇日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>月曆</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/decision_panel.py" line="+94"/>
        <location line="+78"/>
        <location line="+110"/>
        <source>Approve</source>
        <extracomment>Why documents of the shown item can never be shown as they are (the viewer says): approving is saying they were seen and are fine. The shown item&apos;s documents not opened yet, in words: the journal would refuse the approval.</extracomment>
        <translation>審核通過</translation>
    </message>
    <message>
        <location line="-183"/>
        <location line="+77"/>
        <source>Reject…</source>
        <translation>退件…</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+179"/>
        <source>Choose the reasons and reject</source>
        <translation>選擇審核未通過原因並退件</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Content</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule check</source>
        <translation>規則檢查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family standing</source>
        <translation>家屬狀態</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History</source>
        <translation>歷程</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose an item to review from the queue.</source>
        <translation>請從審核清單選擇要審核的案件。</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>Cannot approve: %n rule(s) not met ({rules}); reject, or wait until resolved</source>
        <translation>
            <numerusform>不能審核通過：尚有 %n 項未符合規定（{rules}），請退件或待其排除</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This item has a decision; to change it, undo first (Ctrl+Z)</source>
        <translation>此案件已有決定；如需更改，請先復原（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{kind}  #{id}</source>
        <translation>{kind}&#x3000;#{id}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Decided: {outcome}, waiting to sync to the shared database (Ctrl+Z undoes it)</source>
        <translation>已決定：{outcome}，待同步到共用資料庫（Ctrl+Z 可復原）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This workstation&apos;s decision &quot;{outcome}&quot; did not take effect: {reason}</source>
        <translation>本工作站決定「{outcome}」未生效：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decided: {outcome}, synced</source>
        <translation>已決定：{outcome}，已同步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On hold: {why}</source>
        <translation>暫緩審核：{why}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Family:</source>
        <translation>家屬：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({id})</source>
        <translation>{name}（{id}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationship to the inmate:</source>
        <translation>與收容人關係：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inmate:</source>
        <translation>收容人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call number {call}  {name} ({unit})</source>
        <translation>呼號 {call}&#x3000;{name}（{unit}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Facility:</source>
        <translation>矯正機關：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted:</source>
        <translation>送件時間：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no title)</source>
        <translation>（未填寫標題）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no text)</source>
        <translation>（未填寫內文）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{length}/{limit} characters</source>
        <translation>{length}/{limit} 字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text:</source>
        <translation>內文：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>字數：</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Posting suspended through {day}</source>
        <translation>發佈權限暫停至 {day}（含）</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Contact-book post content</source>
        <translation>家庭聯絡簿內容</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Cannot approve: a document cannot be shown ({problem}); reject it, saying what the family should send again</source>
        <translation>不能審核通過：有文件無法顯示（{problem}）；請退件，並說明家屬應重新上傳的文件</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Decided: {outcome}, waiting for a second look (待覆核): it takes effect when a colleague confirms it</source>
        <translation>已決定：{outcome}，待覆核：本機關另一位同仁確認後才生效</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Service application details</source>
        <translation>服務項目申請內容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not filled in)</source>
        <translation>（未填寫）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 歲</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n child(ren) ({ages})</source>
        <translation>
            <numerusform>%n 名（{ages}）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None on record</source>
        <translation>未登錄</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{start} to {end}</source>
        <translation>{start} 起至 {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {start}, no end date</source>
        <translation>{start} 起（未定結束日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}: {span}</source>
        <translation>{kind}：{span}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call number entered:</source>
        <translation>申請填寫呼號：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate&apos;s call number:</source>
        <translation>收容人呼號：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant confirmed the inmate:</source>
        <translation>已確認申請對象：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate&apos;s children:</source>
        <translation>收容人子女：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restrictions:</source>
        <translation>限制紀錄：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other services:</source>
        <translation>其他服務：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{approved} approved, {pending} pending</source>
        <translation>審核通過 {approved} 件，審核中 {pending} 件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>[This rejection] P7  the family&apos;s strike {threshold}/{threshold}: posting is suspended through {day}</source>
        <translation>【本則退件】P7&#x3000;退件累計達 {threshold}/{threshold}，家屬發佈權限暫停至 {day}（含）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Meets every rule</source>
        <translation>符合各項規定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On hold</source>
        <translation>暫緩審核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not met</source>
        <translation>未符合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[{mark}] {rule}  {message}</source>
        <translation>【{mark}】{rule}&#x3000;{message}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Strikes {strikes}/{threshold}</source>
        <translation>退件累計 {strikes}/{threshold}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One more strike suspends posting</source>
        <translation>再以違規退件 1 次將暫停發佈權限</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No other records</source>
        <translation>無其他紀錄</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind} &quot;{title}&quot;</source>
        <translation>{kind}「{title}」</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{day}  {what}  {status}</source>
        <translation>{day}&#x3000;{what}&#x3000;{status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reasons: {reasons}</source>
        <translation>原因：{reasons}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counted as a strike</source>
        <translation>計入退件次數</translation>
    </message>
</context>
<context>
    <name>DocumentService</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/documents.py" line="+204"/>
        <source>This document cannot be shown: an unexpected error occurred while opening it.</source>
        <extracomment>PDF pages are rendered this wide: sharp at 100 % on a workstation screen, about 2 MB a page. Priorities on the document worker: what is on screen first, then the next items. The next items&apos; documents are decoded once the shown item is on screen (``start_ahead``, which the desk calls after its repaint), or after this long when nobody says so: decoding them at once would compete with that repaint for the processor. Keeps what opening a document found (on the document worker); True when that is news to the rules. The problem will pass (the shared database out of reach): not kept, asked again next time. A picture&apos;s own size (upright): the view shows ``image`` at this size, whatever its pixels. ``image`` was decoded at the view&apos;s size, with fewer pixels than the picture: the whole picture is decoded when the reviewer zooms past them (DocumentService.request_full). What the loader (or the store) found, for the journal; None when it says nothing of the upload.</extracomment>
        <translation>無法顯示此文件：開啟時發生未預期的錯誤。</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/metadata_panel.py" line="+43"/>
        <source>File:</source>
        <translation>檔名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>類型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels:</source>
        <translation>像素：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken:</source>
        <translation>拍攝時間：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera:</source>
        <translation>相機：</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+20"/>
        <source>Next document</source>
        <translation>下一份文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Previous document</source>
        <translation>上一份文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>+</source>
        <comment>zoom in button</comment>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>−</source>
        <comment>zoom out button</comment>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit width</source>
        <translation>符合寬度</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit the document to the view&apos;s width</source>
        <translation>縮放至符合視窗寬度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole page</source>
        <translation>整頁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the whole document in the view</source>
        <translation>縮放至整頁顯示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Actual size (100%)</source>
        <translation>原始大小（100%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rotate ↻</source>
        <translation>向右轉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rotate clockwise</source>
        <translation>順時針旋轉 90 度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rotate ↺</source>
        <translation>向左轉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rotate anticlockwise</source>
        <translation>逆時針旋轉 90 度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>›</source>
        <comment>next page button</comment>
        <translation>下一頁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next PDF page</source>
        <translation>PDF 下一頁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‹</source>
        <comment>previous page button</comment>
        <translation>上一頁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous PDF page</source>
        <translation>PDF 上一頁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>比對</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/document_viewer.py" line="+254"/>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+5"/>
        <source>Compare the applicant&apos;s photo with the ID document</source>
        <extracomment>The thumbnails&apos; size: small, the document itself is what the reviewer reads. Photos are decoded for the large view&apos;s size, but never for less than this (pixels). The reviewer pressed Escape in the large view: the desk gives the focus back to the queue. What is known of the shown item&apos;s documents changed: ``problems()`` may say something new.</extracomment>
        <translation>並排比對申請人照片與身分證明文件</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/viewer_actions.py" line="+5"/>
        <source>Focus the document (arrow keys pan, Esc returns)</source>
        <translation>移至文件檢視（方向鍵移動畫面，Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/viewer/document_viewer.py" line="+2"/>
        <source>This item has no applicant photo or ID document to compare</source>
        <translation>此案件沒有申請人照片或身分證明文件可比對</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>This item has no documents.</source>
        <translation>此案件沒有上傳文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind} · {file}</source>
        <translation>{kind} · {file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading the document…</source>
        <translation>文件載入中…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rendering page {page}…</source>
        <translation>第 {page} 頁繪製中…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Applicant&apos;s photo and ID document side by side</source>
        <translation>申請人照片與身分證明文件並排比對</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Page {page}/{pages}</source>
        <translation>第 {page}/{pages} 頁</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reviewer_app/ui/viewer/metadata_panel.py" line="+47"/>
        <source>{type}, %n page(s)</source>
        <translation>
            <numerusform>{type}，共 %n 頁</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Privacy: this photo contains GPS location data (where it was taken). Do not pass the original file on.</source>
        <translation>隱私提醒：此照片含有 GPS 位置資訊（拍攝地點），請勿將原始檔案轉交他人。</translation>
    </message>
</context>
<context>
    <name>E1LapsedModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/e1_lapsed_panel.py" line="+44"/>
        <source>No birth date on record</source>
        <translation>無出生日期紀錄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>呼號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Youngest child&apos;s age</source>
        <translation>最小子女年齡</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lapsed on</source>
        <translation>逾齡日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inmate</source>
        <translation>收容人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service</source>
        <translation>服務</translation>
    </message>
</context>
<context>
    <name>E1LapsedPanel</name>
    <message>
        <location line="+34"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approved services whose inmate has no child at or under the age limit any more (E1): their posts cannot be approved. Services with no birth date on record are listed first.</source>
        <translation>已核准之服務中，收容人已無未逾年齡上限之子女者（E1）：其聯絡簿不能審核通過，請決定服務之處置。無子女出生日期紀錄者列於最前。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{count} services</source>
        <translation>共 {count} 件服務</translation>
    </message>
</context>
<context>
    <name>FamiliesModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/families_panel.py" line="+98"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>收容人呼號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strikes (this cycle)</source>
        <translation>違規（本輪）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suspended until</source>
        <translation>停權至</translation>
    </message>
</context>
<context>
    <name>FamiliesPanel</name>
    <message>
        <location line="-20"/>
        <source>Suspension {number}</source>
        <extracomment>Posts approved while their family was suspended stand out: the supervisor should look at them.</extracomment>
        <translation>第 {number} 次停權</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>Lift suspension…</source>
        <extracomment>suspension number → its row (the id a lift or a shortening needs) A dismissal, a lift or a shortening was saved. Something failed; the zh-TW message is also shown in the panel.</extracomment>
        <translation>解除停權…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten suspension…</source>
        <translation>縮短停權…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss strike…</source>
        <translation>撤銷違規…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Families with strikes or suspensions (suspended first)</source>
        <translation>家屬違規與停權紀錄（停權中的家屬在前）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their suspensions</source>
        <translation>此家屬的停權</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their strikes (P7)</source>
        <translation>此家屬的違規紀錄（P7）</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>{family} (call number {call}): strikes this cycle {count}</source>
        <translation>{family}（收容人呼號 {call}）：本輪違規 {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, suspended until {day}</source>
        <translation>，停權至 {day}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Lift the suspension of {family} (call number {call}): they may post again from now on. Why?</source>
        <translation>解除 {family}（呼號 {call}）的停權，即日起恢復發佈權限。請說明原因：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift suspension</source>
        <translation>解除停權</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shorten the suspension of {family} (call number {call}), due to end on {end}. Choose the new end date and say why:</source>
        <translation>縮短 {family}（呼號 {call}）的停權，原訂 {end} 結束。請選新的結束日並說明原因：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten suspension</source>
        <translation>縮短停權</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Suspension lifted</source>
        <translation>已解除停權</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suspension shortened</source>
        <translation>已縮短停權</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent for a second look: another supervisor confirms it in 待覆核 (Ctrl+Shift+K)</source>
        <translation>已送覆核：須由另一位業務主管在「待覆核」（Ctrl+Shift+K）確認後生效</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dismiss the strike of {day} (post #{post}, {reason}): it will no longer count towards a suspension.</source>
        <translation>撤銷 {day} 的違規（聯絡簿 #{post}，{reason}）：此筆不再計入停權。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> {suspension} (last day {day}) spent this strike: it ends with it, and its other strikes count in this cycle again.</source>
        <translation>{suspension}（至 {day}）因此筆違規而起，撤銷後該停權將隨之結束，其餘違規重新計入本輪。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Why?</source>
        <translation>撤銷原因？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss strike</source>
        <translation>撤銷違規</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Dismissed</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; {suspension} ended with it</source>
        <translation>；{suspension}已隨之結束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {suspension} started, last day {day}</source>
        <translation>；{suspension}開始，至 {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, strikes now {count}</source>
        <translation>，目前違規 {count}</translation>
    </message>
</context>
<context>
    <name>FamilyStrikesModel</name>
    <message>
        <location line="-412"/>
        <source>Date</source>
        <extracomment>Account → display name: supervisors know each other by name, not by login.</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post</source>
        <translation>聯絡簿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>退件原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counts for</source>
        <translation>計入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismissed by</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dismissed</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cycle</source>
        <translation>計入本輪</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spent by suspension {number}</source>
        <translation>第 {number} 次停權已用</translation>
    </message>
</context>
<context>
    <name>FamilySuspensionsModel</name>
    <message>
        <location line="-121"/>
        <source>Suspension</source>
        <extracomment>Suspension number → the display name of the supervisor who lifted it. Suspension numbers whose lift or shortening waits for a second supervisor (four eyes).</extracomment>
        <translation>停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. {number}</source>
        <translation>第 {number} 次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starts</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last day</source>
        <translation>停權至（含）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lifted</source>
        <translation>解除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes it spent (posts)</source>
        <translation>用掉的違規（聯絡簿）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posts approved while suspended</source>
        <translation>停權期間核准的聯絡簿</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running; the change asked for awaits a second look (待覆核)</source>
        <translation>停權中；解除或縮短待覆核（另一位主管確認）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running</source>
        <translation>停權中</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{posts} (please check)</source>
        <translation>{posts}（請確認）</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/table_model.py" line="+48"/>
        <source>Item</source>
        <extracomment>The row&apos;s stable key (``posts.rejected``…; None on a section title) and its raw value.</extracomment>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Whole facility</source>
        <extracomment>What a reviewer&apos;s figure is compared with: the whole facility, or all facilities.</extracomment>
        <translation>機關整體</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>hours</source>
        <translation>小時</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{item} ({whole} {value})</source>
        <translation>{item}（{whole} {value}）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No hand-over times recorded yet: nothing to measure</source>
        <translation>尚無轉交時間紀錄，無法計算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cases to measure this month</source>
        <translation>本月沒有可計算的案件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole facility&apos;s rejection rate, same month</source>
        <translation>同期機關整體退件率</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/handover_dialog.py" line="+43"/>
        <source>Record hand-over</source>
        <translation>登錄轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-over of {count} printed post(s):</source>
        <translation>轉交 {count} 則已列印的家庭聯絡簿：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered to the inmate</source>
        <translation>已轉交收容人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be delivered</source>
        <translation>無法轉交</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only if not the inmate in person</source>
        <translation>非收容人本人簽收時填寫</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transferred (移監)</source>
        <translation>移監</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released (出監)</source>
        <translation>出監</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required for Other</source>
        <translation>原因為「其他」時必填</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handed over by</source>
        <translation>轉交人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>轉交時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>無法轉交原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>登錄</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../reviewer_app/ui/common/help_overlay.py" line="+57"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Esc, F1 or ? closes this help. Tooltips name the shortcuts too; Settings → Keyboard shortcuts… changes them.</source>
        <translation>按 Esc、F1 或 ? 關閉說明。按鈕的提示文字也會標示快速鍵；可在「設定 → 鍵盤快速鍵…」更改。</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="+193"/>
        <source>Checking…</source>
        <extracomment>The member signs out from the lock, or cannot unlock (disabled account, too many attempts).</extracomment>
        <translation>確認中…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> Please sign out.</source>
        <translation> 請登出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password could not be checked ({error}).</source>
        <translation>無法確認密碼（{error}）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong passwords. Please sign in again.</source>
        <translation>密碼錯誤次數過多，請重新登入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+156"/>
        <location line="+141"/>
        <source>{name} ({workstation})</source>
        <extracomment>After a failed sync, retry after these delays, then at the normal interval. How many items after the one shown have their documents decoded ahead. A window that fits a 1440×900 monitor, made smaller to fit a smaller screen. The queue&apos;s width at first (a narrow list: kind, family, waiting, status) and the panel&apos;s widest. On a small screen (1366 at 150 %: 910 logical pixels) the queue gets no more than this share. The desk has closed (Ctrl+Q, the window&apos;s close button, sign-out): windows opened from it close too.</extracomment>
        <translation>{name}（{workstation}）</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/menus.py" line="+27"/>
        <source>Undo the last decision</source>
        <translation>復原上一個決定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo the last decision not yet synced</source>
        <translation>復原尚未同步的上一個決定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next item</source>
        <translation>下一件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous item</source>
        <translation>上一件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search the queue</source>
        <translation>搜尋審核清單</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by kind</source>
        <translation>依類別篩選</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by status</source>
        <translation>依狀態篩選</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by rule flag</source>
        <translation>依規則提示篩選</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Back to the queue</source>
        <translation>回到審核清單</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Focus on the document</source>
        <translation>專注文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hide the queue: the document and the decision get the whole window</source>
        <translation>隱藏審核清單，文件與審核佔滿整個視窗</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show dates with ROC (民國) years</source>
        <translation>日期以民國年顯示</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Review</source>
        <translation>審核(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Documents</source>
        <translation>文件(&amp;D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts…</source>
        <translation>鍵盤快速鍵…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+220"/>
        <source>Cannot read this workstation&apos;s review list: {error}</source>
        <translation>無法讀取本機審核清單：{error}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/sync_controller.py" line="+208"/>
        <source>Syncing in {seconds} s; Ctrl+Z undoes it</source>
        <extracomment>The desk&apos;s words keep the window&apos;s translation context (&quot;MainWindow&quot;), wherever their code lives.</extracomment>
        <translation>待同步 {seconds} 秒，Ctrl+Z 可復原</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Syncing with the shared database…</source>
        <translation>正在與共用資料庫同步…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n decision(s) sent to the shared database; they can no longer be undone</source>
        <translation>
            <numerusform>%n 件決定已送出至共用資料庫，不能再復原</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n approval(s) wait for a second look (待覆核): they take effect when a colleague confirms</source>
        <translation>
            <numerusform>%n 件核准待覆核：須由同仁確認後才生效</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected to the shared database again; synced</source>
        <translation>已恢復與共用資料庫的連線並完成同步</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Cannot reach the shared database. Decisions are kept on this workstation and synced when it is back; retrying in the background.</source>
        <translation>無法連線共用資料庫。決定會先保存在本機，恢復連線後自動同步；系統將在背景重試。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync failed; decisions are kept on this workstation and the sync is retried in the background ({error})</source>
        <translation>同步失敗：決定會先保存在本機，系統將在背景重試（{error}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{user} ({count})</source>
        <translation>{user}（{count} 件）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decisions of colleagues waiting to sync</source>
        <translation>同仁的決定尚未同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This workstation keeps decisions of {who} that have not reached the shared database. Ask them to sign in here once, so that they sync; until then someone else may claim and decide those items again.</source>
        <translation>本工作站保存了 {who}尚未同步到共用資料庫的決定。請這些同仁在本工作站登入一次，即會完成同步；在此之前，這些案件可能被他人重新認領並審核。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{kind} #{id} {outcome}: {reason}</source>
        <translation>{kind} #{id} {outcome}：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Decisions not applied</source>
        <translation>決定未生效</translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>%n decision(s) from this workstation did not take effect: the item was dealt with elsewhere first.</source>
        <translation>
            <numerusform>本工作站有 %n 件決定未生效：案件已先由他人處理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n item(s) being worked on by others</source>
        <translation>
            <numerusform>%n 件由他人處理中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undecided items of this facility claimed by colleagues. They come back to the queue when a colleague closes the desk, or when their claim runs out.</source>
        <translation>本機關尚未審核、已由其他同仁認領的案件。同仁關閉審核台，或認領逾時後，即回到佇列。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n item(s) past the target</source>
        <translation>
            <numerusform>%n 件逾期未決</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undecided items of this facility whose decision was due before today (the facility&apos;s target in working days). The supervisor&apos;s tools list them under Overdue items.</source>
        <translation>本機關應於今日以前決定而尚未決定的案件（依機關設定的審核期限工作天數）。主管工具的「逾期未決」分頁列出各件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected</source>
        <translation>已連線</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: decisions are kept on this workstation</source>
        <translation>離線：決定會先保存在本機</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="-259"/>
        <location line="+266"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claimed {claimed}, to review {to_review}</source>
        <translation>已認領 {claimed} 件，待審 {to_review} 件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, on hold {held}</source>
        <translation>，暫緩 {held} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decisions waiting to sync: {n}</source>
        <translation>待同步決定 {n} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, conflicts: {n}</source>
        <translation>，衝突 {n} 件</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/decisions.py" line="+105"/>
        <source>Cannot reject</source>
        <extracomment>The desk&apos;s words keep the window&apos;s translation context (&quot;MainWindow&quot;), wherever their code lives. Set once the window has repainted: decisions waiting to be written (WRITE_AFTER_PAINT_S).</extracomment>
        <translation>無法退件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list of rejection reasons has not been fetched yet. Sync, then try again.</source>
        <translation>尚未取得審核未通過原因清單，請連線同步後再試。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Recorded: {kind} #{id} {outcome}</source>
        <translation>已記錄：{kind} #{id} {outcome}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the family&apos;s posting is suspended through {day}</source>
        <translation>；家屬發佈權限暫停至 {day}（含）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{said}; {then}</source>
        <translation>{said}；{then}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Decision not recorded</source>
        <translation>無法記錄決定</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An unexpected error occurred and the decision was not recorded. Try again; if it fails again, call IT support.</source>
        <translation>發生未預期的錯誤，決定未記錄。請再試一次；如仍失敗，請聯絡資訊人員。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot undo</source>
        <translation>無法復原</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: the decision &quot;{outcome}&quot; on {kind} #{id}</source>
        <translation>已復原：{kind} #{id} 的「{outcome}」決定</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/main_window.py" line="+81"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/desk/notes_box.py" line="+178"/>
        <source>Note kept; it goes to the shared database with the next sync</source>
        <translation>備註已保存，下次同步時送至共用資料庫</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This item is no longer claimed here; the note was not kept</source>
        <translation>此件已不在本工作站，備註未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The note could not be kept: {error}</source>
        <translation>無法保存備註：{error}</translation>
    </message>
</context>
<context>
    <name>MorningDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/morning_view.py" line="+61"/>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>To print</source>
        <translation>待列印</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Posts</source>
        <translation>聯絡簿</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>To hand over (walking order)</source>
        <translation>待轉交（依行走順序）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>房</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Held back</source>
        <translation>暫緩轉交</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post</source>
        <translation>聯絡簿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Print hand-over sheets…</source>
        <translation>列印簽收單…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One page per housing unit, for signatures where scanning is not used</source>
        <translation>每舍一頁，供未使用掃描時由收容人簽收</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand-over sheets as PDF…</source>
        <translation>簽收單輸出 PDF…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{date} ({weekday}): to print {a} · to hand over {b} in {units} units · held back {c}</source>
        <translation>{date}（{weekday}）：待列印 {a} 件 · 待轉交 {b} 件（{units} 舍）· 暫緩轉交 {c} 件</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{unit} · {people} inmates, {posts} posts</source>
        <translation>{unit} · {people} 人 {posts} 件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hand-over sheets as PDF</source>
        <translation>簽收單輸出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/notes_box.py" line="-138"/>
        <location filename="../../reviewer_app/ui/supervisor/staff_notes.py" line="+17"/>
        <source>Staff notes (never shown to the family)</source>
        <extracomment>(kind, item id, text): the reviewer asks to keep a note on that item</extracomment>
        <translation>工作人員備註（家屬看不到）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A note for colleagues who look at this item after you</source>
        <translation>留給之後審核此件同仁的備註</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New staff note</source>
        <translation>新增工作人員備註</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add note</source>
        <translation>加註</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write a staff note</source>
        <translation>撰寫工作人員備註</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff note (never shown to the family)</source>
        <translation>工作人員備註（家屬看不到）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{when}  {who}: {text}</source>
        <translation>{when}  {who}：{text}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No notes yet.</source>
        <translation>尚無備註。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (refused by the shared database: {reason})</source>
        <translation>（共用資料庫未接受：{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (waiting to sync)</source>
        <translation>（待同步）</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="-53"/>
        <source>In the queue</source>
        <extracomment>What a supervisor&apos;s save changes: nobody else listens, the panel reloads itself.</extracomment>
        <translation>待領取</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due on</source>
        <translation>應決定日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Working days late</source>
        <translation>逾期工作天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Item</source>
        <translation>案件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submitted</source>
        <translation>送件時間</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Held by</source>
        <translation>處理人</translation>
    </message>
</context>
<context>
    <name>PrintQueueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/tree_model.py" line="+200"/>
        <source>Housing unit / inmate / post</source>
        <translation>舍房／收容人／聯絡簿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member</source>
        <translation>家屬（關係）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>審核通過日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments and notes</source>
        <translation>附件與備註</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{unit} ({count})</source>
        <translation>{unit}（{count} 則）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (transferred)</source>
        <translation>（已移監）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (released)</source>
        <translation>（已出監）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no title)</source>
        <translation>（無標題）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status}, waiting to sync</source>
        <translation>{status}（待同步）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count}× {date}</source>
        <translation>{count} 次，{date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} PDF</source>
        <translation>PDF 附件 {count} 份</translation>
    </message>
</context>
<context>
    <name>PrintView</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="+319"/>
        <source>To print</source>
        <translation>待列印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To hand over</source>
        <translation>待轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undeliverable</source>
        <translation>無法轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered lately</source>
        <translation>近期已轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/commands.py" line="+66"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print preview</source>
        <translation>預覽列印</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export PDF…</source>
        <translation>輸出 PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reprint…</source>
        <translation>重印…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record hand-over…</source>
        <translation>登錄轉交…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick all</source>
        <translation>全選</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick none</source>
        <translation>全不選</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back to To print</source>
        <translation>放回待列印</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="-138"/>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick a print run</source>
        <translation>選取整批</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+14"/>
        <source>(choose)</source>
        <translation>（選擇列印批次）</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_list.py" line="+107"/>
        <source>Transferred</source>
        <translation>移監</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>出監</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{reason}: {note}</source>
        <translation>{reason}：{note}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Held back: transferred</source>
        <translation>暫緩轉交：移監</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held back: released</source>
        <translation>暫緩轉交：出監</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back: {restriction} (until further notice)</source>
        <translation>暫緩轉交：{restriction}（至另行通知）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back: {restriction} (until {day})</source>
        <translation>暫緩轉交：{restriction}（至 {day}）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approved at {facility} (transferred here)</source>
        <translation>於{facility}核准（隨收容人移監而來）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{call_number} “{title}” → {facility} ({day})</source>
        <translation>{call_number}「{title}」→ {facility}（{day}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>and {count} more</source>
        <translation>另有 {count} 則</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred with the inmate to another facility:</source>
        <translation>已隨收容人移監至他機關：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{when} · {count} posts</source>
        <translation>{when} 列印・{count} 則</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To print {a} · to hand over {b} · undeliverable {e} · waiting to sync {c} · conflicts {d}</source>
        <translation>待列印 {a}・待轉交 {b}・無法轉交 {e}・待同步 {c}・衝突 {d}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> · held back {count}</source>
        <translation>・暫緩轉交 {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — shared database unreachable: showing the last list</source>
        <translation>&#x3000;（無法連線到共用資料庫：顯示上次的清單）</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="+35"/>
        <source>{count} posts of the print run ticked</source>
        <translation>已勾選此批次的 {count} 則聯絡簿</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The shared database is unreachable; the records wait on this workstation.</source>
        <translation>目前無法連線到共用資料庫；紀錄已存於本工作站，稍後同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong: {error}</source>
        <translation>發生錯誤：{error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tick the posts to print first.</source>
        <translation>請先勾選要列印的聯絡簿。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preparing the preview…</source>
        <translation>準備預覽中…</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/preview_dialog.py" line="+32"/>
        <source>Print preview: {count} posts</source>
        <translation>預覽列印：{count} 則家庭聯絡簿</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/printing/print_view.py" line="-258"/>
        <source>Today&apos;s work</source>
        <extracomment>the list on screen is the newest posts were printed (paper or PDF) and recorded: how many a PDF was written without recording a print (its path) hand-overs were recorded: how many a line for the counsellor (also shown in the view) the shared database answered (True) or could not be reached (False)</extracomment>
        <translation>今日工作</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Scan a page</source>
        <translation>掃描頁面</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Held back</source>
        <translation>暫緩轉交</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Preview of {count} posts: nothing is recorded unless printed.</source>
        <translation>預覽 {count} 則家庭聯絡簿：未列印前不會登錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview closed; nothing was printed.</source>
        <translation>已關閉預覽，未列印。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick printed posts to reprint.</source>
        <translation>請勾選已列印、要重印的聯絡簿。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export PDF</source>
        <translation>輸出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Writing the PDF of {count} posts…</source>
        <translation>輸出 {count} 則家庭聯絡簿的 PDF 中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF written: {posts} posts, {pages} pages ({path}). Not recorded as printed: they stay in To print.</source>
        <translation>已輸出 PDF：{posts} 則家庭聯絡簿，共 {pages} 頁（{path}）。未登錄為已列印，仍在「待列印」。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Printing {count} posts…</source>
        <translation>列印 {count} 則家庭聯絡簿中…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed {posts} posts, {pages} pages.</source>
        <translation>已列印 {posts} 則家庭聯絡簿，共 {pages} 頁。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF: {path}</source>
        <translation>PDF 檔：{path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tick printed posts to record their hand-over.</source>
        <translation>請勾選已列印的聯絡簿，再登錄轉交。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tick undeliverable posts to put them back in To print.</source>
        <translation>請先勾選無法轉交的聯絡簿，再放回待列印。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hand-over recorded for {count} posts.</source>
        <translation>已登錄 {count} 則聯絡簿的轉交。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} posts are back in To print.</source>
        <translation>{count} 則聯絡簿已放回待列印。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded that {count} posts could not be handed over ({why}). They wait under Undeliverable until handed over.</source>
        <translation>已登錄 {count} 則聯絡簿無法轉交（{why}），移到「無法轉交」，日後可再登錄轉交。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scan the inmate&apos;s card or choose the recipient first; nothing recorded.</source>
        <translation>請先掃描收容人的識別卡或選擇收件人，再掃描頁面；未登錄轉交。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Nothing to hand over: no hand-over sheet.</source>
        <translation>沒有待轉交的聯絡簿，不需簽收單。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the hand-over sheets…</source>
        <translation>正在產生簽收單…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hand-over sheets: {pages} pages, one per housing unit.</source>
        <translation>簽收單：共 {pages} 頁，每舍一頁。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../reviewer_app/ui/queue/texts.py" line="+24"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分鐘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{hours} h</source>
        <translation>{hours} 小時</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小時</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/model.py" line="+73"/>
        <source>Kind</source>
        <extracomment>Raw value to sort a column by (numbers and times sort as numbers, not as their text). The roles the queue answers; a view asks for others too (font, alignment…): None at once.</extracomment>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate</source>
        <translation>收容人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>送件時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule flags</source>
        <translation>規則提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>認領</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message numerus="yes">
        <location line="+244"/>
        <source>Past the target of %n working day(s)</source>
        <translation>
            <numerusform>已超過 %n 個工作天的處理期限</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/texts.py" line="+47"/>
        <source>{holder} (lease expired)</source>
        <translation>{holder}（認領已逾期）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{holder} until {time}</source>
        <translation>{holder}，至 {time}</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/queue/model.py" line="+3"/>
        <source>The claim&apos;s lease has run out: the next sync renews it, unless another workstation has claimed the item meanwhile.</source>
        <translation>認領期限已過：下次同步時會續期，除非其他工作站已先認領此案件。</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../reviewer_app/ui/queue/queue_pane.py" line="+63"/>
        <source>Search family, inmate, call number, title… (Ctrl+F)</source>
        <extracomment>The columns of the folded (narrow) queue, and the width under which it folds. The current row changed (by the reviewer or by code); not emitted while rows are replaced.</extracomment>
        <translation>搜尋家屬、收容人、呼號、標題…（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+91"/>
        <source>All kinds</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <location line="-84"/>
        <location line="+87"/>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>No item matches the search or the filters.
Esc in the search box clears it.</source>
        <translation>沒有符合搜尋或篩選條件的案件。
在搜尋框按 Esc 可清除搜尋。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All rule flags</source>
        <translation>全部規則提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any rule flag</source>
        <translation>有規則提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No rule flag</source>
        <translation>無規則提示</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Flag {rule}</source>
        <translation>規則 {rule}</translation>
    </message>
    <message numerus="yes">
        <location line="+114"/>
        <source>No items to review here now: %n item(s) are being worked on by colleagues.
They come back to the queue when a colleague closes the desk or their claim runs out.</source>
        <translation>
            <numerusform>目前沒有可審核的案件：%n 件由他人處理中。
同仁關閉審核台，或認領逾時後，即回到佇列。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+162"/>
        <source>New end date</source>
        <extracomment>The column&apos;s title, said when asked: it follows the desk&apos;s language (a LanguageChange repaints) What the cell&apos;s tooltip says (None: the cell&apos;s text)</extracomment>
        <translation>新的結束日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordQuestion</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/record_question.py" line="+16"/>
        <source>Export PDF</source>
        <translation>輸出 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record as printed?</source>
        <translation>是否登錄為已列印？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded: the {count} posts move to To hand over, as after printing on paper.
File only (to check or keep): they stay in To print.</source>
        <translation>登錄為已列印：這 {count} 則聯絡簿移到「待轉交」，如同印在紙上。
只輸出檔案（核對或留存）：仍留在「待列印」。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record as printed</source>
        <translation>登錄為已列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File only</source>
        <translation>只輸出檔案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/reject_dialog.py" line="+96"/>
        <source>Reject: {kind} #{id}</source>
        <translation>退件：{kind} #{id}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick the reasons it is not approved, listed in the family&apos;s words (zh-TW) (one or more; ↑↓ move, Space ticks, Enter rejects):</source>
        <translation>請勾選審核未通過原因（可複選；↑↓ 移動、空白鍵勾選、Enter 確定退件）：</translation>
    </message>
    <message>
        <location line="+197"/>
        <source> (suggested by the rule check)</source>
        <translation>（規則檢查建議）</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Reasons for the rejection</source>
        <translation>退件原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space ticks a reason; Enter rejects</source>
        <translation>空白鍵勾選原因；Enter 退件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message to the family (zh-TW), as the [Not approved] dialog on the portal shows it:</source>
        <translation>家屬將看到（[審核未通過] 對話框）：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A short remark for the family (optional, in the message above)</source>
        <translation>給家屬的簡短說明（選填，附於上方訊息之後）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remark for the family</source>
        <translation>給家屬的說明</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Staff note (optional, the family does not see it)</source>
        <translation>工作人員備註（選填，家屬看不到）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff note</source>
        <translation>工作人員備註</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reject</source>
        <translation>退件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject with the ticked reasons (Enter)</source>
        <translation>以勾選的原因退件（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without a decision (Esc)</source>
        <translation>不做決定並關閉（Esc）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remark for the family:</source>
        <translation>給家屬的說明：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>(no reason chosen yet)</source>
        <translation>（尚未選擇原因）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rejecting a service application is not a strike.</source>
        <translation>服務項目申請之退件不計入退件次數。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a strike (the reasons are not the family&apos;s fault).</source>
        <translation>不計入退件次數（非家屬違規之原因）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counts as a strike: the family will have {total}/{threshold}.</source>
        <translation>計入退件次數：退件累計將為 {total}/{threshold}。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> Posting will be suspended for %n month(s), through {day}; the family&apos;s other pending posts go on hold.</source>
        <translation>
            <numerusform>家屬發佈權限將暫停 %n 個月，至 {day}（含）止；其他待審之家庭聯絡簿將暫緩審核。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/reprint_dialog.py" line="+14"/>
        <location line="+25"/>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{count} of the ticked posts were printed before.</source>
        <translation>勾選的聯絡簿中有 {count} 則已列印過。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why print them again?</source>
        <translation>請說明重印原因：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The printout was damaged</source>
        <translation>紙本破損</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printout was lost</source>
        <translation>紙本遺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inmate asked for another copy</source>
        <translation>收容人要求另印一份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing failed (paper jam, faint print)</source>
        <translation>列印失敗（卡紙、字跡不清）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose or type the reason</source>
        <translation>選擇或輸入原因</translation>
    </message>
</context>
<context>
    <name>RoleWindows</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/role_windows.py" line="+64"/>
        <source>Printing and hand-over</source>
        <translation>列印與轉交</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signed in: {name}</source>
        <translation>登入者：{name}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connected</source>
        <translation>已連線</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot connect to the shared database: records wait on this workstation</source>
        <translation>無法連線到共用資料庫：紀錄暫存在本工作站</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suspensions, reasons and audit trail</source>
        <translation>停權、退件原因與稽核紀錄</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statistics</source>
        <translation>業務統計</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printing</source>
        <translation>列印</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Appeals</source>
        <translation>申覆</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Waiting for a second look (待覆核)…</source>
        <translation>待覆核…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Su&amp;pervisor</source>
        <translation>主管(&amp;P)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Suspensions, reasons and audit trail…</source>
        <translation>停權、退件原因與稽核紀錄…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistics…</source>
        <translation>業務統計…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeals…</source>
        <translation>申覆…</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <location filename="../../reviewer_app/ui/printing/scan_bar.py" line="+50"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan the inmate&apos;s card, then the page (F6)</source>
        <translation>先掃描收容人識別卡，再掃描頁面（F6）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan field</source>
        <translation>掃描欄</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hand over by scanning</source>
        <translation>掃描轉交</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(scan or choose the recipient)</source>
        <translation>（掃描或選擇收件人）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No inmate with call number {text} in this list.</source>
        <translation>清單中沒有呼號 {text} 的收容人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient: {call} {name}. Now scan the page.</source>
        <translation>收件人：呼號 {call} {name}。請掃描頁面。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This code is no page waiting in this list; nothing recorded.</source>
        <translation>此條碼不是本清單待轉交的頁面；未登錄轉交。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handed over: {call} {name}, post #{post}.</source>
        <translation>已轉交：呼號 {call} {name}，聯絡簿 #{post}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This page was reprinted: use the new page (post #{post}). Nothing recorded.</source>
        <translation>此頁已重印，請使用新頁（聯絡簿 #{post}）。未登錄轉交。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WRONG INMATE: this page is for {call} {name}, not {other_call} {other_name}. Nothing recorded.</source>
        <translation>收件人錯誤！此頁屬於呼號 {call} {name}，不是呼號 {other_call} {other_name}。未登錄轉交。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post #{post} ({call} {name}) is not waiting for its hand-over (already recorded?); nothing recorded.</source>
        <translation>聯絡簿 #{post}（呼號 {call} {name}）不在待轉交（可能已登錄）；未重複登錄。</translation>
    </message>
</context>
<context>
    <name>SecondLook</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/second_look.py" line="-210"/>
        <source>Since the rejection, and reused pictures</source>
        <translation>與前次退件比較・重複使用的圖片</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare with the rejected one…</source>
        <extracomment>the desk&apos;s date style (ROC years or not), set by the decision panel</extracomment>
        <translation>與前次退件比較…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Same or nearly the same picture used by another family: %1; and %2 time(s) elsewhere</source>
        <translation>其他家屬使用過相同或幾乎相同的圖片：%1；另有其他機關 %2 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Same or nearly the same picture used by another family: %1</source>
        <translation>其他家屬使用過相同或幾乎相同的圖片：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same or nearly the same picture used at other facilities: %1 time(s)</source>
        <translation>其他機關的家屬使用過相同或幾乎相同的圖片：%1 件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sent again after the rejection of %1.</source>
        <translation>此件為%1退件後重新送出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text changed.</source>
        <translation>文字已修改。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text not changed.</source>
        <translation>文字未修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents replaced or added: %1 of %2.</source>
        <translation>更換或新增文件：%2 件中 %1 件。</translation>
    </message>
</context>
<context>
    <name>SecondLooks</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/second_looks_panel.py" line="+72"/>
        <source>Approve service application</source>
        <extracomment>How large each upload is shown under the first decision.</extracomment>
        <translation>核准服務申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lift suspension</source>
        <translation>解除停權</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shorten suspension</source>
        <translation>縮短停權</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>First decision</source>
        <translation>第一位的決定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family</source>
        <translation>家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call number</source>
        <translation>呼號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inmate</source>
        <translation>收容人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decided by</source>
        <translation>決定者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided at</source>
        <translation>決定時間</translation>
    </message>
    <message>
        <location line="+333"/>
        <source>Waiting for a second look (待覆核)</source>
        <translation>待覆核</translation>
    </message>
</context>
<context>
    <name>SecondLooksPanel</name>
    <message>
        <location line="-293"/>
        <source>Decisions waiting for a second look</source>
        <extracomment>A verdict was saved. Something failed or was refused; the zh-TW message is also shown in the panel. The row whose documents are shown (a late answer for another row is dropped).</extracomment>
        <translation>等待覆核的決定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm the colleague&apos;s decision: it takes effect now</source>
        <translation>確認同仁的決定：即時生效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send the decision back with a note: it does not take effect</source>
        <translation>附說明退回此決定：不生效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm (Ctrl+Enter)</source>
        <translation>確認（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send back… (Ctrl+R)</source>
        <translation>退回…（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh (F5)</source>
        <translation>重新整理（F5）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Approving a service application and lifting or shortening a suspension take effect only when a second member of the facility confirms them. The family sees 審核中 until then.</source>
        <translation>核准服務申請、解除或縮短停權，須經本機關另一位同仁確認後才生效（四眼原則）；在此之前家屬看到的是「審核中」。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing waits for a second look.</source>
        <translation>目前沒有待覆核的決定。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{family} ({relationship}) → {inmate} (call number {call})</source>
        <translation>{family}（{relationship}）→ {inmate}（呼號 {call}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decided by {name} ({username}) at {workstation}, {when}</source>
        <translation>決定者：{name}（{username}），工作站 {workstation}，{when}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New end: {new} (was {old})</source>
        <translation>新的結束日：{new}（原訂 {old}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due to end: {old}</source>
        <translation>原訂結束日：{old}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {note}</source>
        <translation>說明：{note}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents: {documents}</source>
        <translation>文件：{documents}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your own decision: another member of the facility confirms it.</source>
        <translation>這是您作成的決定，須由本機關另一位同仁覆核。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Confirmed: it takes effect now</source>
        <translation>已確認，決定即時生效</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send back {what} of {family} by {name}: it does not take effect. What should be looked at again?</source>
        <translation>退回 {name} 對 {family} 的「{what}」：此決定不生效。請說明需要重新檢視之處：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sent back with your note: it does not take effect</source>
        <translation>已附說明退回，決定不生效</translation>
    </message>
</context>
<context>
    <name>SeedingDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/desk/demo_seeding.py" line="+1"/>
        <source>Creating the demo data (families, posts and their photos)…</source>
        <translation>建立示範資料中（家屬、聯絡簿貼文與照片）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Creating the demo data: family {done} of {total}…</source>
        <translation>建立示範資料中：第 {done} 戶，共 {total} 戶…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
</context>
<context>
    <name>SeedingLabel</name>
    <message>
        <location line="-67"/>
        <source>Preparing the demo data…</source>
        <translation>示範資料準備中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preparing the demo data: family {done} of {total}…</source>
        <translation>示範資料準備中：第 {done} 戶，共 {total} 戶…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The demo data could not be created: {error}</source>
        <translation>無法建立示範資料：{error}</translation>
    </message>
</context>
<context>
    <name>ServiceClockPanel</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/service_clock_panel.py" line="+56"/>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> working days</source>
        <translation> 個工作天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target to decide, in working days</source>
        <translation>審核期限（工作天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save target</source>
        <translation>儲存期限</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day off</source>
        <translation>放假日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working day</source>
        <translation>上班日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of day</source>
        <translation>日別</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For example: typhoon day off</source>
        <translation>例如：颱風停班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save day</source>
        <translation>儲存日期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Service clock</source>
        <translation>審核期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Target to decide:</source>
        <translation>審核期限(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counted in working days of Taipei after the day of submission: weekends, Taiwan&apos;s public holidays and the facility&apos;s days off below do not count, 補班 Saturdays do. Families see the expected decision day on the portal.</source>
        <translation>自送件次日起以臺北時間的工作天計算：週末、國定假日及下列本機關放假日不計，補班日計入。家屬於便民服務入口網可看到預計決定日。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Facility&apos;s own days:</source>
        <translation>本機關自訂日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add or change a day:</source>
        <translation>新增或變更日期(&amp;A)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Items past the target, the oldest first</source>
        <translation>逾期未決案件（最久的在前）</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n item(s) past the target</source>
        <translation>
            <numerusform>%n 件逾期未決</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../reviewer_app/ui/common/shortcuts.py" line="+29"/>
        <source>Decisions</source>
        <extracomment>What the action does, fixed when it is made: the help overlay shows this, not the tooltip, which may say why the action is off for the current item (C on a post).</extracomment>
        <translation>審核決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>審核清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>審核台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing and hand-over</source>
        <translation>列印與轉交</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{text} ({keys})</source>
        <extracomment>The order of the groups in the help overlay.</extracomment>
        <translation>{text}（{keys}）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/common/shortcuts_dialog.py" line="+41"/>
        <location line="+32"/>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk&apos;s own keys</source>
        <translation>還原預設按鍵</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click a field and press the new key; the cross clears it.</source>
        <translation>點選欄位後按下新的按鍵；按 × 清除。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{key} is already the key of “{other}”: choose another key for “{this}”.</source>
        <translation>{key} 已是「{other}」的按鍵：請為「{this}」選擇其他按鍵。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/access/signin_dialog.py" line="+87"/>
        <source>Remember the password (in the system keyring)</source>
        <translation>記住密碼（存於系統鑰匙圈）</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+28"/>
        <source>Sign in</source>
        <extracomment>The member signed in: a signin.StaffSession (its engine is connected as the member). The keyring could not keep (or forget) the password; the member signed in anyway (zh-TW text).</extracomment>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Username</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Signing in with the remembered password…</source>
        <translation>以記住的密碼登入中…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter your username and password.</source>
        <translation>請輸入帳號與密碼。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in…</source>
        <translation>登入中…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The remembered password no longer works (it may have been changed). Enter your password.</source>
        <translation>記住的密碼已失效（可能已變更），請重新輸入密碼。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signing in failed unexpectedly ({error}). Please contact IT.</source>
        <translation>登入時發生未預期的錯誤（{error}），請洽資訊人員。</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/view.py" line="+141"/>
        <location line="+98"/>
        <location line="+29"/>
        <location line="+78"/>
        <source>Loading…</source>
        <extracomment>The figures of the chosen month and facility are on screen. Loading failed; the message is shown in the view too. The figures on screen were written to a file (its path).</extracomment>
        <translation>載入中…</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>Reload</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export report…</source>
        <translation>匯出報表…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this month&apos;s figures on screen as a CSV or Excel (XLSX) file</source>
        <translation>將畫面上這個月的數字存成 CSV 或 Excel（XLSX）檔</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Statistics</source>
        <translation>業務統計</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Facility</source>
        <translation>矯正機關</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Received and decided, last 12 months</source>
        <translation>近 12 個月收件與審核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons for not approving</source>
        <translation>審核未通過原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reviewers&apos; rejection rates</source>
        <translation>審核人員退件率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection rate</source>
        <translation>退件率</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Figures as of {time}</source>
        <translation>資料時間 {time}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export report</source>
        <translation>匯出報表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV file (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV 檔 (*.csv);;Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported {rows} rows: {path}</source>
        <translation>已匯出 {rows} 列：{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not export the report: {detail}</source>
        <translation>無法匯出報表：{detail}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the shared database cannot be reached or is not set up ({error})</source>
        <translation>共用資料庫無法連線或尚未建立（{error}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>facility not found (number {id})</source>
        <translation>找不到機關（編號 {id}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the statistics: {detail}</source>
        <translation>無法讀取統計資料：{detail}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Posts submitted to decided: median &lt;b&gt;{median}&lt;/b&gt; hours (90th percentile {p90})</source>
        <translation>聯絡簿送件至決定 中位數 &lt;b&gt;{median}&lt;/b&gt; 小時（第 90 百分位 {p90}）</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Backlog by time waiting</source>
        <translation>待審積案（依等候時間）</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>{kind} received &lt;b&gt;{received}&lt;/b&gt;, approved &lt;b&gt;{approved}&lt;/b&gt;, not approved &lt;b&gt;{rejected}&lt;/b&gt;</source>
        <translation>{kind} 收件 &lt;b&gt;{received}&lt;/b&gt;・通過 &lt;b&gt;{approved}&lt;/b&gt;・未通過 &lt;b&gt;{rejected}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Printed {printed}, handed over {handed_over}</source>
        <translation>已列印 {printed}・已轉交 {handed_over}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes {strikes}, posting suspended {suspensions}</source>
        <translation>違規計次 {strikes}・暫停發佈 {suspensions}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for review now &lt;b&gt;{waiting}&lt;/b&gt;</source>
        <translation>目前待審 &lt;b&gt;{waiting}&lt;/b&gt; 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> | </source>
        <comment>between the summary&apos;s parts</comment>
        <translation>&#x3000;｜&#x3000;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Received and decided, last {n} months (to {month})</source>
        <translation>近 {n} 個月收件與審核（至 {month}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Posts received</source>
        <translation>聯絡簿收件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts approved</source>
        <translation>聯絡簿審核通過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts not approved</source>
        <translation>聯絡簿審核未通過</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service applications received</source>
        <translation>服務項目申請收件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reasons for not approving, {month}</source>
        <translation>{month}審核未通過原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was rejected this month</source>
        <translation>本月沒有審核未通過的案件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} ({username})</source>
        <translation>{name}（{username}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rate} ({rejected}/{decided})</source>
        <translation>{rate}（{rejected}/{decided} 件）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewers&apos; rejection rates ({month})</source>
        <translation>審核人員退件率（{month}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No decisions this month</source>
        <translation>本月沒有審核決定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backlog by time waiting (as of {time})</source>
        <translation>待審積案（截至 {time}，依等候時間）</translation>
    </message>
</context>
<context>
    <name>StatisticsWords</name>
    <message>
        <location filename="../../reviewer_app/ui/stats/wording.py" line="+22"/>
        <source>Jan</source>
        <translation>1 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feb</source>
        <translation>2 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mar</source>
        <translation>3 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>4 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>5 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>6 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>7 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aug</source>
        <translation>8 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sep</source>
        <translation>9 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>10 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>11 月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dec</source>
        <translation>12 月</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} {year}</source>
        <translation>{year} 年 {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All facilities</source>
        <translation>全部機關</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole facility</source>
        <translation>機關整體</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n}</source>
        <comment>a count of cases</comment>
        <translation>{n} 件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hours</source>
        <translation>小時</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Photo unclear (E5)</source>
        <translation>照片不清晰（E5）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text too long (P4)</source>
        <translation>內文超過字數（P4）</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>No minor child (E1)</source>
        <translation>無 18 歲以下子女（E1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible (E2)</source>
        <translation>關係不符（E2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restriction (E3)</source>
        <translation>收容人限制期間（E3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate (E4)</source>
        <translation>重複申請（E4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing docs (E5)</source>
        <translation>文件不完整（E5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong call no. (E6)</source>
        <translation>呼號有誤（E6）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs completing</source>
        <translation>其他需補正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No service (P1)</source>
        <translation>服務未通過（P1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off-topic (P2)</source>
        <translation>內容不符（P2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too soon (P3)</source>
        <translation>未滿發佈間隔（P3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty (P4)</source>
        <translation>未填標題內文（P4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos (P5)</source>
        <translation>照片張數或大小（P5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment (P6)</source>
        <translation>附件格式或大小（P6）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended (P7)</source>
        <translation>發佈權限暫停中（P7）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child over age (E1)</source>
        <translation>子女已逾年齡（E1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged file</source>
        <translation>檔案損壞需重傳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules not followed</source>
        <translation>其他未依規定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inmate released</source>
        <translation>收容人已出監</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility reasons</source>
        <translation>機關作業因素</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Under 1 day</source>
        <translation>未滿 1 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–3 days</source>
        <translation>1–3 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3–7 days</source>
        <translation>3–7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 days or more</source>
        <translation>7 天以上</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>審核通過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <translation>審核未通過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>已列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed over</source>
        <translation>已轉交</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service application: submitted to decided</source>
        <translation>服務項目申請：送件至決定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact-book post: submitted to decided</source>
        <translation>家庭聯絡簿：送件至決定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact-book post: approved to handed over</source>
        <translation>家庭聯絡簿：審核通過至轉交</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} (cases)</source>
        <translation>{what}（件數）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} (median)</source>
        <translation>{what}（中位數）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} (90th percentile)</source>
        <translation>{what}（第 90 百分位）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} ({username})</source>
        <translation>{name}（{username}）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{kind}: reasons for not approving</source>
        <translation>{kind}未通過原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strikes and suspensions</source>
        <translation>違規與停權</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strikes (P7)</source>
        <translation>違規計次（P7）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strikes dismissed</source>
        <translation>違規計次撤銷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posting suspended</source>
        <translation>暫停發佈權限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspensions lifted early</source>
        <translation>提前解除暫停</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appeals received</source>
        <translation>收到申覆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection upheld</source>
        <translation>維持原退件決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection overturned</source>
        <translation>撤銷原退件決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appeals</source>
        <translation>申覆</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handling time</source>
        <translation>處理時間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service target (submitted to decided)</source>
        <translation>服務時限（送件至決定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service target (submitted to decided: {days} working days)</source>
        <translation>服務時限（送件至決定：{days} 個工作天）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decided in time</source>
        <translation>期限內決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided late</source>
        <translation>逾期決定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share decided in time</source>
        <translation>期限內決定比率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for review (as of {time})</source>
        <translation>待審積案（截至 {time}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {age}</source>
        <translation>{kind}：{age}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reviewers</source>
        <translation>審核人員</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: decisions</source>
        <translation>{name}：決定件數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: rejection rate</source>
        <translation>{name}：退件率</translation>
    </message>
</context>
<context>
    <name>SupervisorTools</name>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/__init__.py" line="+66"/>
        <source>Families&apos; strikes and suspensions</source>
        <translation>家屬違規與停權紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services whose children are over the age limit</source>
        <translation>子女已逾齡之服務</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejection reasons</source>
        <translation>退件原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue items</source>
        <translation>逾期未決</translation>
    </message>
    <message>
        <location filename="../../reviewer_app/ui/supervisor/common.py" line="+31"/>
        <source>Could not be done: {error}</source>
        <translation>無法完成：{error}</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../reviewer_app/ui/viewer/thumbnails.py" line="+82"/>
        <source>{kind}
Loading…</source>
        <extracomment>The thumbnails as icons: a view draws an icon at its icon size (a picture at its own size, which pushed a portrait photo&apos;s caption out of its cell).</extracomment>
        <translation>{kind}
載入中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind}
Cannot be shown</source>
        <translation>{kind}
無法顯示</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{kind}
%n page(s)</source>
        <translation>
            <numerusform>{kind}
共 %n 頁</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../reviewer_app/ui/access/idle_lock.py" line="-190"/>
        <source>Screen locked</source>
        <translation>畫面已鎖定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The desk was idle and has been locked. Enter the password of {user} to go on.</source>
        <translation>閒置過久，畫面已鎖定。請輸入 {user} 的密碼以繼續。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter your password.</source>
        <translation>請輸入密碼。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../reviewer_app/ui/common/words.py" line="+25"/>
        <source>Service application</source>
        <translation>服務項目申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact-book post</source>
        <translation>家庭聯絡簿</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+78"/>
        <source>Pending review</source>
        <translation>審核中</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+78"/>
        <source>On hold</source>
        <translation>暫緩審核</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+13"/>
        <source>Approved</source>
        <translation>審核通過</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Not approved</source>
        <translation>審核未通過</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed</source>
        <translation>已列印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>已轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undeliverable</source>
        <translation>無法轉交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held back</source>
        <translation>暫緩轉交</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Father</source>
        <translation>父</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mother</source>
        <translation>母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandparent</source>
        <translation>祖父母／外祖父母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandchild</source>
        <translation>孫子女／外孫子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling</source>
        <translation>兄弟姊妹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent of spouse</source>
        <translation>配偶之父母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of child</source>
        <translation>子女之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandparent of spouse</source>
        <translation>配偶之祖父母</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of grandchild</source>
        <translation>孫子女之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child of spouse</source>
        <translation>配偶之子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of parent</source>
        <translation>父母之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grandchild of spouse</source>
        <translation>配偶之孫子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of grandparent</source>
        <translation>祖父母之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of sibling</source>
        <translation>兄弟姊妹之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling of spouse</source>
        <translation>配偶之兄弟姊妹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouse of a sibling of spouse</source>
        <translation>配偶之兄弟姊妹之配偶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sibling-in-law</source>
        <translation>兄弟姊妹之配偶／配偶之兄弟姊妹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family member living with the inmate&apos;s child</source>
        <translation>與收容人子女共居之家屬</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Court or prosecutor order forbidding visits, correspondence and items</source>
        <translation>經院、檢禁止接見、通信、受授物件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disciplinary sanction in force</source>
        <translation>違規處分執行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolated for investigation</source>
        <translation>隔離調查中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protective isolation</source>
        <translation>隔離保護中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed in a protection room</source>
        <translation>收容於保護室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical isolation</source>
        <translation>因疾病隔離中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Identity document</source>
        <translation>身分證明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship proof</source>
        <translation>關係證明文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant&apos;s front photo</source>
        <translation>申請人正面清晰照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post photo</source>
        <translation>家庭聯絡簿照片</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decided, waiting to sync</source>
        <translation>已決定待同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for a second look (待覆核)</source>
        <translation>待覆核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by someone else</source>
        <translation>已由他人決定</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{size} MB</source>
        <extracomment>File types by the names the document loader gives them (``format_label``).</extracomment>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{size} bytes</source>
        <translation>{size} 位元組</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message to the family (zh-TW): {text}</source>
        <translation>給家屬的訊息：{text}</translation>
    </message>
</context>
</TS>
