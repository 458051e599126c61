// A Cisco IOS gateway's "debug ccsip messages" output of the 403 a carrier sent it: the scanner tests
// paste it plain, indented and quoted.
export const CUBE_403 = `Mar  5 03:01:13.880: //164/4B3C2D1E8F1A/SIP/Msg/ccsipDisplayMsg:
Received:
SIP/2.0 403 Forbidden
Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK1A2B3C
From: <sip:+14155550123@198.51.100.10>;tag=9F8E7D-1C2B
To: <sip:+442079460958@sip.telnyx.com>;tag=as7d8e9f
Call-ID: 4B3C2D1E-DA1B11EE-8F1A9C2B-7D6E5F4A@198.51.100.10
CSeq: 101 INVITE
Content-Length: 0
`;
